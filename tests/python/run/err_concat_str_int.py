version = 3
label = "revision " + version
