rev = "ae1027a6acf0"
print(rev[:4], rev[-4:], rev[2:6], rev[::2], rev[::-1], rev[-100:3], rev[100:])
items = list(range(10))
print(items[2:8:2], items[::-3], items[-3:-1], items[5:2], items[:], items[1:-1])
items[2:5] = ["a", "b"]
print(items)
items[::3] = [None] * len(items[::3])
print(items)
del items[::2]
print(items)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[-1], "hello"[1], "hello"[-1])
s = slice(1, 3)
print([0, 1, 2, 3][s], "abcd"[s], s.start, s.stop, s.step)
path = "/home/learner/run/app/models.py"
print(path[path.rfind("/") + 1:], path[:path.rfind("/")])
print("abc"[5:], [][1:], "x"[0:0] == "")
nums = [1, 2, 3]
nums[len(nums):] = [4, 5]
nums[:0] = [0]
print(nums)
