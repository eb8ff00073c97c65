"""A firm's brand on its reports: checks of the logo and the accent colour, plain Python.

A logo reaches the PDF as a ``data:`` URI, so what is stored must be safe to draw as it
is: a PNG whose chunks are whole (signature, IHDR first, IEND last, every CRC right), or
an SVG with nothing active or remote in it (no script, no event handler, no
foreignObject, no reference outside the file, no DTD). Anything else is refused with a
message the form shows; nothing is "cleaned up" into something the firm did not upload.
"""

from __future__ import annotations

import base64
import re
import struct
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from django.utils.translation import gettext as _

MAX_LOGO_BYTES = 200 * 1024
MAX_LOGO_SIDE = 4000  # pixels (PNG) or user units (SVG width, height, viewBox)
PNG = "image/png"
SVG = "image/svg+xml"
ACCENT = re.compile(r"#[0-9a-fA-F]{6}")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
INK = "#1d2733"  # the report's text colour

# Elements that run code, embed other documents or pull in resources.
_ACTIVE = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video",
           "handler", "listener", "animation", "discard", "set", "animate"}
_LINK_ATTRS = {"href", "src"}
_URL = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


class BrandError(ValueError):
    """A logo or colour that cannot be used; the message says why, for the form."""


@dataclass(frozen=True)
class Logo:
    content_type: str
    width: float
    height: float


def accent_checked(value: str) -> str:
    """``value`` as a lower-case ``#rrggbb`` colour; BrandError for anything else."""
    value = value.strip()
    if not ACCENT.fullmatch(value):
        raise BrandError(_("Enter the colour as # followed by six hexadecimal digits, "
                           "e.g. #0b5cad."))
    return value.lower()


def _luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on_white(accent: str, ink: str = INK) -> str:
    """``accent`` where it can be read as text on white paper (contrast ≥ 3), else ``ink``:
    a pale firm colour still marks bands and rules, never unreadable words."""
    return accent if contrast(accent, "#ffffff") >= 3 else ink


def text_on(accent: str, ink: str = INK) -> str:
    """White or ink, whichever reads better on a band of ``accent``."""
    return "#ffffff" if contrast(accent, "#ffffff") >= contrast(accent, ink) else ink


def logo_checked(data: bytes) -> Logo:
    """What the logo is and its size; BrandError when it is not a safe PNG or SVG."""
    if len(data) > MAX_LOGO_BYTES:
        raise BrandError(_("The logo is %(size)d kB; the limit is %(limit)d kB.")
                         % {"size": len(data) // 1024, "limit": MAX_LOGO_BYTES // 1024})
    if not data:
        raise BrandError(_("The logo file is empty."))
    if data.startswith(PNG_SIGNATURE):
        width, height = _png_size(data)
        logo = Logo(PNG, width, height)
    elif _looks_like_svg(data):
        logo = Logo(SVG, *_svg_size(data))
    else:
        raise BrandError(_("The logo must be a PNG or SVG image."))
    if not (0 < logo.width <= MAX_LOGO_SIDE and 0 < logo.height <= MAX_LOGO_SIDE):
        raise BrandError(_("The logo must be at most %(side)d × %(side)d pixels.")
                         % {"side": MAX_LOGO_SIDE})
    return logo


def logo_data_uri(content_type: str, data: bytes) -> str:
    """The logo as a ``data:`` URI (the PDF never fetches anything)."""
    if content_type not in (PNG, SVG):
        raise BrandError(_("The logo must be a PNG or SVG image."))
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from IHDR, after walking every chunk and checking its CRC."""
    broken = BrandError(_("The PNG file is damaged or not a PNG image."))
    pos, first, last = len(PNG_SIGNATURE), None, None
    size = (0, 0)
    while pos < len(data):
        if pos + 12 > len(data):
            raise broken
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise broken
        body = data[pos + 8:end - 4]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end - 4:end])[0]:
            raise broken
        if first is None:
            first = kind
            if kind != b"IHDR" or length != 13:
                raise broken
            size = struct.unpack(">II", body[:8])
        last, pos = kind, end
        if kind == b"IEND":
            break
    if last != b"IEND" or pos != len(data):
        raise broken
    return size


def _looks_like_svg(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype"))


def _svg_root(data: bytes) -> ElementTree.Element:
    invalid = BrandError(_("The SVG file is not well-formed."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid from None
    if "<!doctype" in text.lower() or "<!entity" in text.lower():
        # A DTD can define entities that expand without bound or point outside the file.
        raise BrandError(_("The SVG must not contain a DOCTYPE or entities."))
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        raise invalid from None
    if _local(root.tag) != "svg":
        raise invalid
    return root


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _svg_size(data: bytes) -> tuple[float, float]:
    """Width and height of a safe SVG (its viewBox, else its width and height)."""
    root = _svg_root(data)
    for element in root.iter():
        _svg_element_checked(element)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4:
            return float(box[2]), float(box[3])
        return _length(root.get("width")), _length(root.get("height"))
    except ValueError:
        raise BrandError(_("The SVG needs a viewBox, or a width and a height in pixels.")
                         ) from None


def _length(value: str | None) -> float:
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*", value or "")
    if not match:
        raise ValueError(value)
    return float(match.group(1))


def _svg_element_checked(element: ElementTree.Element) -> None:
    if not isinstance(element.tag, str):
        return
    if _local(element.tag) in _ACTIVE:
        raise BrandError(_("The SVG must not contain scripts, animations or embedded "
                           "content."))
    text = element.text or ""
    if (_local(element.tag) == "style" and _URL.search(text)) or "@import" in text.lower():
        raise BrandError(_("The SVG must not load anything from outside the file."))
    for name, value in element.attrib.items():
        local = _local(name)
        if local.startswith("on"):
            raise BrandError(_("The SVG must not contain event handlers (such as onload)."))
        if (local in _LINK_ATTRS and not value.strip().startswith("#")) or _URL.search(value):
            raise BrandError(_("The SVG must not load anything from outside the file."))
