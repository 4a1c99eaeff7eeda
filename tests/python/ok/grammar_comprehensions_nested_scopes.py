matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]

transpose = [[row[i] for row in matrix] for i in range(len(matrix[0]))]
diagonal = [matrix[i][i] for i in range(len(matrix))]
flat_even = [v for row in matrix for v in row if v % 2 == 0]
table = {
    r: {c: matrix[r][c] for c in range(3) if matrix[r][c] > r}
    for r in range(3)
}
triangles = [
    (a, b, c)
    for c in range(1, 20)
    for b in range(1, c)
    for a in range(1, b)
    if a * a + b * b == c * c
]
running = [s for s in [0] for v in [1, 2, 3] for s in [s + v]]
walrus = [y for x in range(10) if (y := x * 2) > 5]
