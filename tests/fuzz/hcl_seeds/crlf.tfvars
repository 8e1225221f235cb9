developers = {
  a : { x = 1, },
  (var.k) = "%{ if y }z%{ endif }"
}