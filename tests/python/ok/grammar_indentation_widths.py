def two_spaces():
  x = 1
  if x:
    return x
  return 0


def eight_spaces():
        y = 2
        for i in range(y):
                y += i
        return y


def mixed_per_block(flag):
    if flag:
     return 1
    else:
             return 2


class Three:
   a = 1

   def method(self):
      return self.a
