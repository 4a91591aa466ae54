"""Reading toolkit PDFs back: text per page, where the digits are drawn, and pages as images.

`page_images` renders each page to PNG with poppler's `pdftoppm` so that tests can look at the
pixels; set TOOLKIT_PDF_PNG_DIR to keep the PNGs and look at them yourself.
"""

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


def reader(response):
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def page_texts(response):
    return [page.extract_text() for page in reader(response).pages]


def left_column_numbers(page, max_x=150):
    """The whole numbers drawn near the left edge of a page (the step circles), top to bottom."""
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        if text.strip().isdigit() and x < max_x:
            found.append((-y, int(text.strip())))

    page.extract_text(visitor_text=visit)
    return [number for _y, number in sorted(found)]


def has_pdftoppm():
    return shutil.which("pdftoppm") is not None


def page_images(pdf_bytes, name, dpi=100):
    """Each page as a greyscale PIL image (rendered by pdftoppm)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sheet.pdf"
        source.write_bytes(pdf_bytes)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(folder) / name)], check=True)
        pngs = sorted(Path(folder).glob(f"{name}-*.png"))
        if keep := os.environ.get("TOOLKIT_PDF_PNG_DIR"):
            Path(keep).mkdir(parents=True, exist_ok=True)
            for png in pngs:
                shutil.copy(png, Path(keep) / png.name)
        return [Image.open(png).convert("L") for png in pngs]


def dark_discs(image, left_fraction=0.3, dark=90, min_size=25, max_size=70):
    """Bounding boxes of round dark blobs in the left part of the page: the steps' number circles."""
    width, height = image.size
    strip = int(width * left_fraction)
    pixels = image.load()
    seen = set()
    discs = []
    for start_y in range(height):
        for start_x in range(strip):
            if (start_x, start_y) in seen or pixels[start_x, start_y] >= dark:
                continue
            stack, blob = [(start_x, start_y)], []
            seen.add((start_x, start_y))
            while stack:
                x, y = stack.pop()
                blob.append((x, y))
                for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if 0 <= nx < strip and 0 <= ny < height and (nx, ny) not in seen and pixels[nx, ny] < dark:
                        seen.add((nx, ny))
                        stack.append((nx, ny))
            xs, ys = [x for x, _ in blob], [y for _, y in blob]
            box = (min(xs), min(ys), max(xs) + 1, max(ys) + 1)
            box_w, box_h = box[2] - box[0], box[3] - box[1]
            if min_size <= box_w <= max_size and abs(box_w - box_h) <= 3:
                discs.append(box)
    return discs


def light_pixels_in_centre(image, box, share=0.5):
    """How many light pixels lie in the middle `share` of the box: a number drawn inside its circle."""
    left, top, right, bottom = box
    margin_x, margin_y = (right - left) * (1 - share) / 2, (bottom - top) * (1 - share) / 2
    pixels = image.load()
    return sum(
        1
        for x in range(int(left + margin_x), int(right - margin_x))
        for y in range(int(top + margin_y), int(bottom - margin_y))
        if pixels[x, y] > 160
    )
