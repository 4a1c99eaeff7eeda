a = list(range(20))
grid = [[1, 2, 3], [4, 5, 6]]
i, j, k = 1, 5, 2

s1 = a[1:2]
s2 = a[::2]
s3 = a[::-1]
s4 = a[i:]
s5 = a[:j]
s6 = a[:]
s7 = a[i:j:k]
s8 = a[1:-1]
s9 = a[-3:]
s10 = a[i + 1 : j - 1]
s11 = a[len(a) // 2 :]
s12 = a[::]
s13 = a[:j:]
s14 = a[i::k]


class Matrix:
    def __getitem__(self, key):
        return key


m = Matrix()
t1 = m[1:2, 3]
t2 = m[:, None]
t3 = m[..., 0]
t4 = m[1, 2]
t5 = m[()]
t6 = m[1:2, ::3, ...]
t7 = m[i, j:k]
t8 = m[(1, 2)]
t9 = m[1,]
t10 = m[:, :, 0]
a[1:3] = [9, 9]
del a[::5]
