locals {
  users = {
    alice = { gcp = "a", teams = ["x"] } # c
    "b.c" = {
      gcp = <<-EOT
        hi ${x}
      EOT
    }
  }
}
