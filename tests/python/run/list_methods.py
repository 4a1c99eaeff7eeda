cols = ["id", "name"]
cols.append("email")
cols.extend(["created_at", "updated_at"])
cols.insert(1, "uuid")
print(cols, len(cols))
print(cols.pop(), cols.pop(0), cols)
cols.remove("name")
print(cols, cols.index("email"), cols.count("uuid"))
nums = [5, 3, 8, 1, 9, 2]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
copy = nums.copy()
copy.clear()
print(copy, nums)
del nums[0]
del nums[1:3]
print(nums)
print([1, 2] + [3], [0] * 3, [[]] * 2, 3 in [1, 2, 3])
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [2] > [1, 9])
matrix = [[0] * 3 for _ in range(2)]
matrix[0][1] = 5
print(matrix)
letters = list("hello")
print(letters, list(range(2, 10, 3)), list((1, 2)))
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), words)
stack = []
stack.append(1)
stack.append(2)
print(stack.pop(), stack)
try:
    [].pop()
except IndexError as exc:
    print("IndexError:", exc)
try:
    cols.remove("missing")
except ValueError as exc:
    print("ValueError:", exc)
try:
    cols.index("missing")
except ValueError as exc:
    print("ValueError:", exc)
