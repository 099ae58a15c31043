#!/usr/bin/env python3
"""Writes examples/product.png: a 1080x1350 studio shot of a drawn steel bottle (standard library only).

Run from the repository root: python3 examples/make_product_png.py
"""
import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1080, 1350
BACKGROUND_TOP, BACKGROUND_BOTTOM = (238, 242, 248), (204, 214, 230)
BODY, BODY_LIGHT, CAP, SHADOW = (26, 115, 232), (120, 170, 240), (11, 31, 58), (170, 180, 198)


def pixel(x, y):
    cx = WIDTH // 2
    # cap, neck and body of the bottle; a soft ellipse of shadow under it
    if 300 <= y < 380 and abs(x - cx) <= 90:
        return CAP
    if 380 <= y < 440 and abs(x - cx) <= 70:
        return BODY
    if 440 <= y < 1120:
        half = 190 if y >= 520 else 70 + (y - 440) * 120 // 80
        if abs(x - cx) <= half:
            return BODY_LIGHT if -half * 0.6 <= x - cx <= -half * 0.35 else BODY
    if ((x - cx) / 260) ** 2 + ((y - 1140) / 30) ** 2 <= 1:
        return SHADOW
    t = y / (HEIGHT - 1)
    return tuple(round(a + (b - a) * t) for a, b in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + bytes(c for x in range(WIDTH) for c in pixel(x, y)) for y in range(HEIGHT))
png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9))
       + chunk(b"IEND", b""))
target = Path(__file__).resolve().parent / "product.png"
target.write_bytes(png)
print(f"{target} ({len(png)} bytes)")
