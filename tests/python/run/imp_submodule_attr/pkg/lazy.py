VALUE = "lazy loaded"
