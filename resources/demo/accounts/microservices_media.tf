# Microservices of the media team. The media team owns this file (CODEOWNERS); the fields
# are declared in modules/microservices/variables.tf.

locals {
  microservices_media = {
    image-resizer = {
      team            = "media"
      description     = "Resizes and caches product and avatar images on request."
      namespace       = "image-resizer"
      gar_repository  = "image-resizer"
      slack_usergroup = "media-team"
      slack_channel   = "media-alerts"
      public          = true
    }

    video-transcoder = {
      team                       = "media"
      description                = "Transcodes uploaded videos to HLS renditions."
      namespace                  = "video-transcoder"
      gar_repository             = "video-transcoder"
      clusters                   = ["eks"]
      transit_gateway_attachment = true
      slack_usergroup            = "media-team"
      slack_channel              = "media-alerts"
    }
  }
}
