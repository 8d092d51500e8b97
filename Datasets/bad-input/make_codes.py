"""Independent implementation of GB 32100-2015 (DOMAIN.md §1.1) used to write the valid codes of
this corpus; prints one valid code per organisation-code stem given."""
import sys

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
OW = [3, 7, 9, 10, 5, 8, 4, 2]


def org_check(first8):
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, OW))
    c = 11 - s % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc(prefix, district, stem8):
    body = prefix + district + stem8 + org_check(stem8)
    s = sum(CHARSET.index(c) * w for c, w in zip(body, W))
    return body + CHARSET[(31 - s % 31) % 31]


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        prefix, district, stem = arg.split(":")
        print(uscc(prefix, district, stem))
