"""Checks that a report screenshot shows the chart colours: GREEN, YELLOW and RED bars.

Standard library only (CI machines have python3 but no imaging package): decodes an 8-bit,
non-interlaced PNG and counts the pixels close to each channel colour of the report.
Exit status 0 when every colour covers at least MIN_PIXELS pixels, 1 otherwise.
"""
import struct
import sys
import zlib

COLOURS = {"GREEN": (0x2E, 0x7D, 0x32), "YELLOW": (0xF9, 0xA8, 0x25), "RED": (0xC6, 0x28, 0x28)}
MIN_PIXELS = 400


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or interlace != 0 or colour not in (2, 6):
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main(path):
    width, height, bpp, rows = read_png(path)
    counts = dict.fromkeys(COLOURS, 0)
    for line in rows:
        for x in range(0, len(line), bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            for name, (cr, cg, cb) in COLOURS.items():
                if abs(r - cr) < 12 and abs(g - cg) < 12 and abs(b - cb) < 12:
                    counts[name] += 1
    print("png-colours: %dx%d, pixels per channel colour: %s" % (width, height, counts))
    return 0 if all(n >= MIN_PIXELS for n in counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
