"""No metadata, GPS or hidden payload survives into any rendition (SAFETY-TESTS U12, U13, U17)."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from gezinsmuur.images import ProcessedImage, Rendition, process
from tests.conftest import SAMPLES  # noqa: E402 - one definition of the sample folder

REFUSED = {"truncated.jpg", "truncated.png", "bomb-280mp.jpg"}
ACCEPTED = sorted(  # hostile/ has its own test: tests/images/test_hostile_corpus.py
    path.relative_to(SAMPLES).as_posix()
    for path in SAMPLES.rglob("*")
    if path.is_file()
    and path.suffix != ".md"
    and path.name not in REFUSED
    and path.parent.name != "hostile"
)
Processed = Callable[[Path], ProcessedImage]

# What Pillow may report for a clean file: structure, never content about the photo or person.
CLEAN_INFO = {
    "jpeg": {"jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression"},
    "webp": {"loop", "background"},
    "avif": set(),
}
# Long enough never to turn up by chance in compressed pixels.
NEEDLES = [b"Exif", b"<x:xmpmeta", b"http://ns.adobe.com", b"<?xpacket", b"ICC_PROFILE"]
# exiftool groups of a clean file: file structure only (no EXIF, GPS, XMP, IPTC, ICC, Comment).
CLEAN_GROUPS = {"ExifTool", "System", "File", "JFIF", "RIFF", "QuickTime", "Meta", "Composite"}


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment; entropy-coded scan data is skipped."""
    segments, position = [], 2
    while data[position + 1] != 0xD9:  # EOI
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segments.append((marker, data[position + 4 : position + 2 + length]))
        position += 2 + length
        if marker == 0xDA:  # start of scan: jump to the next real marker
            position = next_jpeg_marker(data, position)
    return segments


def next_jpeg_marker(data: bytes, position: int) -> int:
    while True:
        position = data.index(b"\xff", position)
        follower = data[position + 1]
        if follower != 0 and not 0xD0 <= follower <= 0xD7:  # not stuffing, not a restart
            return position
        position += 2


def riff_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, position = [], 12
    while position < len(data):
        kind, size = (
            data[position : position + 4],
            struct.unpack("<I", data[position + 4 : position + 8])[0],
        )
        chunks.append((kind, data[position + 8 : position + 8 + size]))
        position += 8 + size + (size & 1)
    return chunks


def isobmff_boxes(data: bytes) -> list[tuple[bytes, bytes]]:
    boxes, position = [], 0
    while position < len(data):
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        boxes.append((kind, data[position + 8 : position + size]))
        position += size
    return boxes


def container_bytes(rendition: Rendition) -> bytes:
    """Every byte except the compressed pixels: where metadata would have to live."""
    if rendition.format == "jpeg":
        return b"".join(payload for marker, payload in jpeg_segments(rendition.data))
    if rendition.format == "webp":
        pixels = {b"VP8 ", b"VP8L", b"ALPH"}
        return b"".join(
            kind + data for kind, data in riff_chunks(rendition.data) if kind not in pixels
        )
    return b"".join(kind + data for kind, data in isobmff_boxes(rendition.data) if kind != b"mdat")


def assert_container_is_clean(rendition: Rendition) -> None:
    if rendition.format == "jpeg":
        markers = {marker for marker, _ in jpeg_segments(rendition.data)}
        assert markers <= {0xE0, 0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD, 0xDA}  # no APPn>0, no COM
        assert rendition.data.endswith(b"\xff\xd9")  # nothing appended after the image
    elif rendition.format == "webp":
        assert {kind for kind, _ in riff_chunks(rendition.data)} <= {
            b"VP8 ",
            b"VP8L",
            b"VP8X",
            b"ALPH",
        }
    else:
        assert [kind for kind, _ in isobmff_boxes(rendition.data)] == [b"ftyp", b"meta", b"mdat"]
        assert b"colrprof" not in rendition.data and b"colrrICC" not in rendition.data  # no ICC
        assert b"mime" not in rendition.data  # the item type XMP would use


def assert_rendition_is_clean(rendition: Rendition) -> None:
    with Image.open(io.BytesIO(rendition.data)) as im:
        assert im.format.lower() == rendition.format
        assert set(im.info) <= CLEAN_INFO[rendition.format], set(im.info)
        assert not im.getexif()
    assert_container_is_clean(rendition)
    for needle in NEEDLES:
        assert needle not in rendition.data, needle
    # three bytes do turn up by chance in megabytes of pixels: look where metadata would be
    assert b"GPS" not in container_bytes(rendition)


def exiftool_groups(paths: list[Path]) -> dict[str, set[str]]:
    """exiftool's group names (`-G1`) per file, all files in one run."""
    command = ["exiftool", "-j", "-a", "-G1", "-s", *map(str, paths)]
    reports = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
    return {
        report["SourceFile"]: {key.split(":")[0] for key in report if ":" in key}
        for report in reports
    }


def write_renditions(result: ProcessedImage, folder: Path, stem: str) -> list[Path]:
    paths = []
    for rendition in result.renditions:
        path = folder / f"{stem}-{rendition.width}.{rendition.format}"
        path.write_bytes(rendition.data)
        paths.append(path)
    return paths


@pytest.mark.parametrize("name", ACCEPTED)
def test_u13_no_rendition_of_any_sample_keeps_metadata(name: str, processed: Processed) -> None:
    for rendition in processed(SAMPLES / name).renditions:
        assert_rendition_is_clean(rendition)


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_u13_exiftool_finds_no_metadata_group_in_any_rendition(
    processed: Processed, tmp_path: Path
) -> None:
    paths = [
        path
        for index, name in enumerate(ACCEPTED)
        for path in write_renditions(processed(SAMPLES / name), tmp_path, f"sample{index}")
    ]
    for source, groups in exiftool_groups(paths).items():
        assert groups <= CLEAN_GROUPS, (source, groups - CLEAN_GROUPS)


@pytest.mark.parametrize(
    "name",
    ["demo/phone-iphone6-gps.jpg", "demo/phone-beach-gps.jpg", "demo/phone-iphone15pro-gps.heic"],
)
def test_u17_phone_photos_with_gps_leave_no_gps_in_any_rendition(
    name: str, processed: Processed
) -> None:
    with Image.open(SAMPLES / name) as original:  # the sample really carries a position
        assert original.getexif().get_ifd(0x8825)
    for rendition in processed(SAMPLES / name).renditions:
        assert_rendition_is_clean(rendition)


XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="50,50.5N"/></rdf:RDF>'
    b'</x:xmpmeta><?xpacket end="w"?>'
)


def rich_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B] = "PhoneMaker", "Phone 12", "Participant Name"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (50.0, 50.0, 30.0), "E", (4.0, 21.0, 7.0)
    return exif


def iptc_segment(city: bytes) -> bytes:
    """An APP13 Photoshop/IPTC segment naming a city (record 2, dataset 90)."""
    record = b"\x1c\x02\x5a" + struct.pack(">H", len(city)) + city
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def metadata_rich(pil_format: str) -> bytes:
    """A 640x480 photo-like image carrying EXIF with GPS, XMP, ICC and format-specific extras."""
    image = Image.radial_gradient("L").resize((640, 480)).convert("RGB")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    options: dict[str, object] = {"exif": rich_exif(), "xmp": XMP, "icc_profile": icc}
    if pil_format == "JPEG":
        options["comment"] = b"GPS 50.84N 4.35E, case number 123"
    if pil_format == "PNG":
        options["pnginfo"] = png_text_chunks()
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    data = buffer.getvalue()
    return data[:2] + iptc_segment(b"Brussels") + data[2:] if pil_format == "JPEG" else data


def png_text_chunks() -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 50.84N 4.35E")
    info.add_text("Author", "Participant Name", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return info


@pytest.mark.parametrize("pil_format", ["JPEG", "PNG", "WEBP", "AVIF"])
def test_u13_metadata_rich_inputs_leave_nothing_behind(pil_format: str, tmp_path: Path) -> None:
    data = metadata_rich(pil_format)
    with Image.open(io.BytesIO(data)) as original:  # the input really carries it all
        original.load()
        assert original.getexif().get_ifd(0x8825) and "icc_profile" in original.info
    result = process(io.BytesIO(data))
    for rendition in result.renditions:
        assert_rendition_is_clean(rendition)
        assert b"Participant" not in rendition.data and b"Brussels" not in rendition.data
    if shutil.which("exiftool"):
        paths = [tmp_path / "input", *write_renditions(result, tmp_path, "out")]
        paths[0].write_bytes(data)
        groups = exiftool_groups(paths)
        assert {"GPS", "XMP-exif"} <= groups.pop(str(paths[0]))
        assert all(found <= CLEAN_GROUPS for found in groups.values()), groups


def polyglot_jpeg() -> bytes:
    """A valid JPEG with a <script> comment segment and an HTML page appended after EOI."""
    buffer = io.BytesIO()
    Image.radial_gradient("L").resize((400, 300)).convert("RGB").save(buffer, "JPEG")
    data = buffer.getvalue()
    comment = b"<script>alert(document.cookie)</script>"
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:] + b"<html><body><script>alert(1)</script></body></html>"


def test_u12_a_naive_resave_would_have_kept_the_script() -> None:
    buffer = io.BytesIO()
    with Image.open(io.BytesIO(polyglot_jpeg())) as im:
        im.save(buffer, "JPEG")  # what the pipeline must not do: info (the COM) is reused
    assert b"<script" in buffer.getvalue()


def test_u12_polyglot_payload_is_not_published() -> None:
    for rendition in process(io.BytesIO(polyglot_jpeg())).renditions:
        lowered = rendition.data.lower()
        assert b"<script" not in lowered and b"<html" not in lowered
        assert_rendition_is_clean(rendition)
