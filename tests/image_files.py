"""Real picture files for the upload tests and the memory benchmark (built in memory, nothing stubbed)."""

import io
import struct
import zlib

from PIL import Image


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width, height):
    """A valid black-and-white PNG of width × height pixels that weighs a few kilobytes.

    Decoding it would take width × height bytes (or 4× that once converted to RGB): the
    "20 KB PNG of 12000×12000" of issue 9. Compressed row by row, so building it stays cheap.
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter byte + one bit per pixel
    compressor = zlib.compressobj(9)
    parts = []
    block = row * 512
    for _ in range(height // 512):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(row * (height % 512)))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b"")


def png_bytes(size=(300, 200), color="teal", mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def truncated_png(size=(400, 300)):
    """A real PNG cut in the middle of its pixel data, as an interrupted upload leaves it."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, "PNG")
    data = buffer.getvalue()
    return data[: len(data) // 2]


def jpeg_with_gps(size=(2400, 1800)):
    """A JPEG carrying EXIF: camera, GPS position, and an orientation tag (rotate 90°)."""
    image = Image.new("RGB", size, "orange")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (50.0, 41.0, 30.0), 3: "E", 4: (3.0, 10.0, 5.0)}  # GPS IFD
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=80)
    return buffer.getvalue()
