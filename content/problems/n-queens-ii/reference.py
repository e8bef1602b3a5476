def total_n_queens(n: int) -> int:
    # One queen per row, placed row by row. Three bitmasks hold the squares of the current row
    # that are attacked: bit c means column c. `columns` marks the columns already used;
    # `down` and `up` mark the squares hit by a "\" or "/" diagonal from a queen above. Moving
    # one row down shifts a "\" attack one column right (<< 1) and a "/" attack one left (>> 1).
    full = (1 << n) - 1

    def place(columns: int, down: int, up: int) -> int:
        if columns == full:  # every column used: n queens placed
            return 1
        count = 0
        free = full & ~(columns | down | up)
        while free:
            bit = free & -free  # the lowest free square
            free ^= bit
            count += place(columns | bit, (down | bit) << 1 & full, (up | bit) >> 1)
        return count

    return place(0, 0, 0)
