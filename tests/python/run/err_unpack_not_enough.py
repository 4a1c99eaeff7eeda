def parse(spec):
    name, type_, default = spec.split(":")
    return name, type_, default


print(parse("id:int:0"))
print(parse("name:str"))
