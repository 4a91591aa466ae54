"""Demo pictures for the centre cards: a drawn building, one colour per centre, made with Pillow.

The demo ships no photo files; these drawings stand in for the photo a centre's staff would upload.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SIZE = (960, 720)
WALL_COLOURS = ["#c8553d", "#2f6690", "#588157", "#8e5572", "#bc6c25", "#3a7ca5", "#6a994e", "#9c6644"]
ALT_TEXT = "Dessin de démonstration : la façade d'un centre social, avec un arbre"


def drawn_building(index):
    """JPEG bytes of a simple façade drawing; `index` picks the wall colour."""
    picture = PillowImage.new("RGB", SIZE, "#dcecf5")
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    draw.rectangle((0, height * 0.8, width, height), fill="#9fb58a")  # grass
    wall = (width * 0.18, height * 0.3, width * 0.72, height * 0.82)
    draw.rectangle(wall, fill=WALL_COLOURS[index % len(WALL_COLOURS)])
    roof = [(wall[0] - 30, wall[1]), ((wall[0] + wall[2]) / 2, height * 0.12), (wall[2] + 30, wall[1])]
    draw.polygon(roof, fill="#4a4e69")
    for row in range(2):
        for column in range(3):
            left = wall[0] + 50 + column * 150
            top = wall[1] + 40 + row * 130
            draw.rectangle((left, top, left + 80, top + 80), fill="#f4f1de", outline="#333333", width=4)
    door_left = (wall[0] + wall[2]) / 2 - 45
    draw.rectangle((door_left, wall[3] - 150, door_left + 90, wall[3]), fill="#3d405b")
    draw.rectangle((width * 0.8 - 12, height * 0.5, width * 0.8 + 12, height * 0.82), fill="#6b4226")  # trunk
    draw.ellipse((width * 0.8 - 90, height * 0.28, width * 0.8 + 90, height * 0.58), fill="#40916c")
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=80)
    return output.getvalue()


def demo_photo(centre, index):
    """A new library image of a demo drawing, in the centre's own collection."""
    image_model = get_image_model()
    fields = {"collection": centre.collection} if centre.collection_id else {}
    return image_model.objects.create(
        title=f"Façade (dessin de démonstration) : {centre.title}",
        file=ImageFile(io.BytesIO(drawn_building(index)), name=f"demo-{centre.slug}.jpg"),
        **fields,
    )
