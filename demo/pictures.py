"""Illustrations drawn with Pillow, so the demo needs no network and no stock photos.

Each scene is a function of a random seed and always draws the same picture
for the same seed. Alt texts in the data describe these drawings.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def _gradient(draw, top, bottom, y0=0, y1=HEIGHT):
    for y in range(y0, y1):
        draw.line([(0, y), (WIDTH, y)], fill=_mix(top, bottom, (y - y0) / max(1, y1 - y0 - 1)))


def _ridge(rng, base, height, roughness):
    """A mountain skyline: a smoothed random walk across the picture."""
    points, y = [], base - rng.uniform(0, height)
    for x in range(0, WIDTH + 40, 40):
        y += rng.uniform(-roughness, roughness)
        y = min(base, max(base - height, y))
        points.append((x, y))
    return points + [(WIDTH, HEIGHT), (0, HEIGHT)]


def _ranges(draw, rng, horizon, colours):
    for index, colour in enumerate(colours):
        base = horizon + index * 40
        draw.polygon(_ridge(rng, base, 200 - index * 35, 38), fill=colour)


def mountains_lake(rng):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (246, 196, 148), (190, 214, 232), 0, 430)
    draw.ellipse([820, 140, 910, 230], fill=(255, 236, 190))
    _ranges(draw, rng, 330, [(120, 146, 170), (86, 116, 138), (58, 88, 104)])
    _gradient(draw, (104, 150, 170), (40, 84, 104), 470, HEIGHT)
    for _ in range(26):  # ripples
        x, y = rng.uniform(0, WIDTH), rng.uniform(490, HEIGHT)
        draw.line([(x, y), (x + rng.uniform(40, 140), y)], fill=(150, 190, 204), width=2)
    return image


def terraced_hills(rng):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (170, 208, 236), (228, 238, 240), 0, 320)
    _ranges(draw, rng, 250, [(130, 160, 150)])
    for band in range(14):  # rows of tea bushes following the slope
        y = 300 + band * 28
        colour = (70 + band % 2 * 26, 136 + band % 3 * 12, 64)
        points = [(x, y + 22 * math.sin(x / 180 + band * 0.4)) for x in range(0, WIDTH + 20, 20)]
        draw.polygon(points + [(WIDTH, HEIGHT), (0, HEIGHT)], fill=colour)
    return image


def conference_hall(rng):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (236, 226, 206), (214, 200, 176), 0, 420)
    draw.rectangle([150, 60, 1050, 200], fill=(176, 30, 36))  # banner
    draw.rectangle([150, 186, 1050, 200], fill=(232, 190, 60))
    draw.polygon([(600, 80), (614, 120), (656, 120), (622, 144), (636, 184), (600, 160),
                  (564, 184), (578, 144), (544, 120), (586, 120)], fill=(246, 208, 64))
    draw.rectangle([0, 300, WIDTH, 330], fill=(120, 72, 44))  # stage edge
    draw.rectangle([520, 220, 680, 330], fill=(142, 88, 52))  # lectern
    for x in range(260, 960, 90):  # flowers along the stage
        draw.ellipse([x, 280, x + 40, 310], fill=(222, 86, 96))
    _gradient(draw, (150, 40, 46), (110, 26, 32), 330, HEIGHT)  # carpet
    for row in range(4):  # seat backs
        y = 400 + row * 66
        for x in range(40 + row % 2 * 40, WIDTH - 60, 92):
            draw.rounded_rectangle([x, y, x + 70, y + 48], radius=10, fill=(50 + row * 8, 64, 96))
    return image


def blossoms(rng):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (186, 214, 238), (236, 240, 244))
    _ranges(draw, rng, 470, [(150, 176, 196), (112, 146, 160)])
    tips = []
    for _ in range(5):  # branches reaching in from the left
        x, y = 0, rng.uniform(120, 560)
        angle = rng.uniform(-0.5, 0.3)
        for _ in range(9):
            nx, ny = x + 70 * math.cos(angle), y + 70 * math.sin(angle)
            draw.line([(x, y), (nx, ny)], fill=(74, 58, 48), width=9)
            tips.append((nx, ny))
            x, y, angle = nx, ny, angle + rng.uniform(-0.35, 0.35)
    for x, y in tips:
        for _ in range(6):
            cx, cy = x + rng.uniform(-40, 40), y + rng.uniform(-40, 40)
            r = rng.uniform(9, 16)
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(250, 246, 244), outline=(226, 178, 196))
    return image


def orchard(rng):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (160, 204, 236), (220, 236, 240), 0, 300)
    _ranges(draw, rng, 260, [(118, 150, 128)])
    _gradient(draw, (120, 170, 80), (84, 136, 60), 300, HEIGHT)
    for row in range(5):  # rows of fruit trees, nearer rows larger
        size = 30 + row * 14
        y = 320 + row * row * 16 + row * 20
        for x in range(-20 + row * 17 % 50, WIDTH, size * 2 + 20):
            draw.rectangle([x + size - 5, y + size, x + size + 5, y + size * 1.6], fill=(96, 70, 44))
            draw.ellipse([x, y, x + size * 2, y + size * 1.5], fill=(46, 112 + row * 6, 52))
            for _ in range(3 + row):
                fx, fy = x + rng.uniform(8, size * 2 - 8), y + rng.uniform(8, size * 1.3)
                draw.ellipse([fx - 5, fy - 5, fx + 5, fy + 5], fill=(246, 196, 52))
    return image


def border_road(rng):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (176, 206, 232), (232, 236, 228), 0, 360)
    _ranges(draw, rng, 330, [(128, 150, 160), (92, 126, 104), (70, 110, 80)])
    road = [(600 + 260 * math.sin(t / 7), 360 + t * 9.7) for t in range(0, 33)]
    for (x0, y0), (x1, y1) in zip(road, road[1:]):
        width = int(6 + (y0 - 360) / 9)
        draw.line([(x0, y0), (x1, y1)], fill=(210, 200, 180), width=width)
    draw.rectangle([860, 420, 900, 600], fill=(240, 240, 236))  # a border marker post
    draw.rectangle([852, 410, 908, 440], fill=(176, 30, 36))
    return image


SCENES = {
    function.__name__: function
    for function in (mountains_lake, terraced_hills, conference_hall, blossoms, orchard, border_road)
}


def draw(scene, seed):
    """JPEG bytes of one scene."""
    image = SCENES[scene](random.Random(seed))
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=84, optimize=True)
    return buffer.getvalue()
