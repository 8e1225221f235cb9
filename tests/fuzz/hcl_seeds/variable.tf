variable "v" {
  type = map(object({ a = optional(string, "d") }))
  default = [{ a = -1.5e3 }, { b = x ? y[0] : f(z...) }]
}
module "m" { source = "./m" }
