# Everyone who works on the platform. Onboarding is a PR that adds your entry (copy one that
# looks like yours and ask for only the accounts you need); leaving is a PR that deletes it.
# An entry with github_approver = true may approve onboarding PRs. New entries go at the
# end of the map; the SRE team reviews every change to this file.

developers = {
  hnakamura = {
    name            = "Haruto Nakamura"
    github          = "haruto-nkmr"
    email           = "hnakamura@example.co.jp"
    github_approver = true
    gcp             = true
    aws             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
    argocd_admin    = true
  }

  mokada = {
    name            = "Mei Okada"
    github          = "meiokada"
    email           = "mokada@example.co.jp"
    github_approver = true
    gcp             = true
    aws             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
    argocd_admin    = true
  }

  dpatel = {
    name         = "Dev Patel"
    github       = "devpatel-sre"
    email        = "dev.patel@example.com"
    gcp          = true
    aws          = true
    datadog      = true
    pagerduty    = true
    argocd       = true
    argocd_admin = true
  }

  sfujita = {
    name         = "Shota Fujita"
    github       = "sfujita"
    email        = "sfujita@example.co.jp"
    gcp          = true
    aws          = true
    datadog      = true
    pagerduty    = true
    argocd       = true
    argocd_admin = true
  }

  ykimura = {
    name            = "Yuna Kimura"
    github          = "yuna-kimura"
    email           = "ykimura@example.co.jp"
    github_approver = true
    gcp             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
  }

  tmorita = {
    name      = "Takeshi Morita"
    github    = "t-morita"
    email     = "tmorita@example.co.jp"
    gcp       = true
    datadog   = true
    pagerduty = true
    argocd    = true
  }

  lgarcia = {
    name    = "Lucia Garcia"
    github  = "luciagarcia"
    email   = "lucia.garcia@example.com"
    gcp     = true
    datadog = true
    argocd  = true
  }

  kishida = {
    name    = "Kaito Ishida"
    github  = "kaito1shida"
    email   = "kishida@example.co.jp"
    gcp     = true
    datadog = true
    argocd  = true
  }

  anishino = {
    name   = "Aoi Nishino"
    github = "aoi-nishino"
    email  = "anishino@example.co.jp"
    gcp    = true
  }

  rhayashi = {
    name            = "Ren Hayashi"
    github          = "renhayashi"
    email           = "rhayashi@example.co.jp"
    github_approver = true
    gcp             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
  }

  jkowalski = {
    name      = "Jan Kowalski"
    github    = "jkowalski-dev"
    email     = "jan.kowalski@example.com"
    gcp       = true
    datadog   = true
    pagerduty = true
    argocd    = true
  }

  nsakai = {
    name    = "Nanami Sakai"
    github  = "nanamisakai"
    email   = "nsakai@example.co.jp"
    gcp     = true
    datadog = true
    argocd  = true
  }

  hogawa = {
    name   = "Hinata Ogawa"
    github = "hinata-o"
    email  = "hogawa@example.co.jp"
    gcp    = true
    argocd = true
  }

  ekim = {
    name    = "Eunji Kim"
    github  = "eunji-kim"
    email   = "eunji.kim@example.com"
    gcp     = true
    datadog = true
    argocd  = true
  }

  sueda = {
    name            = "Sora Ueda"
    github          = "sora-ueda"
    email           = "sueda@example.co.jp"
    github_approver = true
    gcp             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
  }

  mtakeda = {
    name      = "Minato Takeda"
    github    = "minato-tkd"
    email     = "mtakeda@example.co.jp"
    gcp       = true
    datadog   = true
    pagerduty = true
    argocd    = true
  }

  cdubois = {
    name    = "Camille Dubois"
    github  = "camilledubois"
    email   = "camille.dubois@example.com"
    gcp     = true
    datadog = true
    argocd  = true
  }

  ymatsuda = {
    name   = "Yuto Matsuda"
    github = "yutomatsuda"
    email  = "ymatsuda@example.co.jp"
    gcp    = true
    argocd = true
  }

  akondo = {
    name   = "Akari Kondo"
    github = "akari-kondo"
    email  = "akondo@example.co.jp"
    slack  = false
  }

  kmurakami = {
    name            = "Kenji Murakami"
    github          = "kmurakami"
    email           = "kmurakami@example.co.jp"
    github_approver = true
    gcp             = true
    aws             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
  }

  rsilva = {
    name    = "Rafael Silva"
    github  = "rafael-silva-jp"
    email   = "rafael.silva@example.com"
    gcp     = true
    aws     = true
    datadog = true
    argocd  = true
  }

  itanaka = {
    name      = "Itsuki Tanaka"
    github    = "itsuki-tanaka"
    email     = "itanaka@example.co.jp"
    gcp       = true
    aws       = true
    datadog   = true
    pagerduty = true
    argocd    = true
  }

  shirano = {
    name    = "Saki Hirano"
    github  = "sakihirano"
    email   = "shirano@example.co.jp"
    gcp     = true
    datadog = true
    argocd  = true
  }

  tnguyen = {
    name    = "Thao Nguyen"
    github  = "thaonguyen"
    email   = "thao.nguyen@example.com"
    gcp     = true
    datadog = true
    argocd  = true
  }

  kaoki = {
    name            = "Koharu Aoki"
    github          = "koharu-aoki"
    email           = "kaoki@example.co.jp"
    github_approver = true
    gcp             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
  }

  dyamaguchi = {
    name      = "Daiki Yamaguchi"
    github    = "daiki-ymgc"
    email     = "dyamaguchi@example.co.jp"
    gcp       = true
    datadog   = true
    pagerduty = true
    argocd    = true
  }

  omiller = {
    name    = "Oliver Miller"
    github  = "olivermiller"
    email   = "oliver.miller@example.com"
    gcp     = true
    datadog = true
    argocd  = true
  }

  rsasaki = {
    name   = "Riko Sasaki"
    github = "riko-sasaki"
    email  = "rsasaki@example.co.jp"
    gcp    = true
    argocd = true
  }

  wchen = {
    name    = "Wei Chen"
    github  = "weichen-dev"
    email   = "wei.chen@example.com"
    gcp     = true
    aws     = true
    datadog = true
    argocd  = true
  }

  yinoue = {
    name            = "Yamato Inoue"
    github          = "yamato-inoue"
    email           = "yinoue@example.co.jp"
    github_approver = true
    gcp             = true
    aws             = true
    datadog         = true
    pagerduty       = true
    argocd          = true
  }

  mshimizu = {
    name      = "Mio Shimizu"
    github    = "mioshimizu"
    email     = "mshimizu@example.co.jp"
    gcp       = true
    aws       = true
    datadog   = true
    pagerduty = true
    argocd    = true
  }

  asharma = {
    name    = "Ananya Sharma"
    github  = "ananya-sharma"
    email   = "ananya.sharma@example.com"
    gcp     = true
    aws     = true
    datadog = true
    argocd  = true
  }

  hmori = {
    name    = "Hayato Mori"
    github  = "hayatomori"
    email   = "hmori@example.co.jp"
    gcp     = true
    datadog = true
    argocd  = true
  }

  nkobayashi = {
    name   = "Nao Kobayashi"
    github = "nao-kobayashi"
    email  = "nkobayashi@example.co.jp"
    gcp    = true
  }

  tbecker = {
    name    = "Tobias Becker"
    github  = "tobiasbecker"
    email   = "tobias.becker@example.com"
    gcp     = true
    datadog = true
  }
}
