"""Hostile files through the whole pipeline (SAFETY-TESTS U08-U12, U16, U19).

Every file goes through inspect() (the upload request) and, if that accepts it, process() (the
worker), as an upload would. Each must come out accepted with clean renditions (they reopen, one
frame, no metadata, no payload bytes) or refused with ImageRejected: nothing else may escape.

Corpora: Pillow's own test images from its source distribution (1,000+ files, many deliberately
broken; fetched once into a cache, see `pillow_test_images`), the hostile files copied from the
shared corpus into tests/samples/hostile/ (see tests/samples/SOURCES.md), and files made here
(polyglots, other formats named .jpg, odd dimensions, animations). The two big corpora run in one
child process, so a decoder that crashes or hangs fails the test instead of killing pytest, and the
child's peak memory is the pipeline's own. tests/images/test_hostile_uploads.py posts the same
kinds of files through the real share form.

Not Django: `python -m tests.images.test_hostile_corpus --fetch` fills the cache (.ci/run does).
"""

from __future__ import annotations

import functools
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import PIL
import pytest
from PIL import Image, PngImagePlugin

from gezinsmuur.images import RENDITION_WIDTHS, ImageRejected, Rendition, inspect, process

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "samples" / "hostile"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gezinsmuur"
PILLOW_IMAGES = CACHE / f"pillow-{PIL.__version__}-Tests-images"

# U19's limits: no file may take this long (a hang, not a timing), nor the child this much memory.
# Timings (p99 < 1 s is U19's goal) are printed and kept in benchmarks/README.md, not asserted.
MAX_SECONDS = 20.0
MAX_RSS_MB = 512
# Bytes that must never reach a rendition, whatever the upload hid (compared in lower case).
PAYLOADS = (b"<script", b"<html", b"<svg", b"<?php", b"<x:xmpmeta", b"<?xpacket")
METADATA = {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp", "photoshop", "iptc"}


# -- examining one file ---------------------------------------------------------------------------


def examine(data: bytes) -> dict[str, object]:
    """inspect() then process(), as the form and the worker do: what came of it, and how fast.

    outcome: "accepted" (clean renditions), "refused" (ImageRejected in the upload request: a 4xx),
    "failed" (the form took it, the worker refused it: never published), "dirty" (renditions
    that break a rule) or "unexpected" (any other exception).
    """
    started = time.perf_counter()
    stage = "inspect"
    try:
        inspect(io.BytesIO(data))
        stage = "process"
        result = process(io.BytesIO(data))
    except ImageRejected as refusal:
        outcome = "refused" if stage == "inspect" else "failed"
        return {"outcome": outcome, "reason": refusal.reason, "seconds": since(started)}
    except Exception as error:  # what this test exists to find
        detail = f"{stage}: {type(error).__name__}: {error}"[:300]
        return {"outcome": "unexpected", "error": detail, "seconds": since(started)}
    seconds = since(started)
    problems = [problem for r in result.renditions for problem in rendition_problems(r)]
    if problems:
        return {"outcome": "dirty", "error": "; ".join(problems[:3]), "seconds": seconds}
    return {"outcome": "accepted", "seconds": seconds}


def since(started: float) -> float:
    return round(time.perf_counter() - started, 4)


def rendition_problems(rendition: Rendition) -> list[str]:
    """What is wrong with one rendition: it must reopen as what it says, still and bare."""
    name = f"{rendition.format} {rendition.width}"
    lowered = rendition.data.lower()
    problems = [f"{name}: payload {needle!r}" for needle in PAYLOADS if needle in lowered]
    try:
        with Image.open(io.BytesIO(rendition.data), formats=[rendition.format.upper()]) as im:
            im.load()
            if im.size != (rendition.width, rendition.height) or max(im.size) > max(
                RENDITION_WIDTHS
            ):
                problems.append(f"{name}: size {im.size}")
            if getattr(im, "n_frames", 1) != 1:
                problems.append(f"{name}: {im.n_frames} frames")
            if set(im.info) & METADATA or im.getexif():
                problems.append(f"{name}: metadata {sorted(set(im.info) & METADATA)}")
    except Exception as error:
        problems.append(f"{name}: does not reopen: {error!r}")
    return problems


def outcome_of(result: dict[str, object]) -> str:
    """One word to compare with an expectation: accepted, a refusal reason, or worker:<reason>."""
    if result["outcome"] == "refused":
        return str(result["reason"])
    if result["outcome"] == "failed":
        return f"worker:{result['reason']}"
    return str(result["outcome"])


# -- a corpus in a child process ------------------------------------------------------------------


def run_corpus(paths: list[Path], folder: Path, timeout: float) -> list[dict[str, object]]:
    """examine() every file in one child process; a result per file, in order."""
    listing, out = folder / "files.txt", folder / "results.jsonl"
    listing.write_text("\n".join(map(str, paths)))
    command = [sys.executable, "-m", "tests.images.test_hostile_corpus", str(listing), str(out)]
    try:
        child = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        child = None
    results = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    if child is None or child.returncode != 0:
        done = {result.get("file") for result in results}
        culprit = next((str(p) for p in paths if str(p) not in done), "after the last file")
        how = "timed out" if child is None else f"exited with {child.returncode}"
        stderr = child.stderr[-2000:] if child else ""
        pytest.fail(f"the corpus child {how} at {culprit}\n{stderr}")
    return results


def main(listing: str, out: str) -> None:
    """The child: one JSON line per file, flushed at once, with the peak RSS so far."""
    import warnings

    warnings.simplefilter("ignore")  # Pillow warns about much of this corpus, rightly
    with open(out, "w") as results:
        for path in Path(listing).read_text().splitlines():
            result = {"file": path, **examine(Path(path).read_bytes())}
            result["rss_mb"] = peak_rss_mb()
            results.write(json.dumps(result) + "\n")  # rss_mb: the peak so far
            results.flush()


def peak_rss_mb() -> int:
    """This process's peak resident memory: VmHWM, since ru_maxrss starts from the parent's."""
    status = Path("/proc/self/status").read_text()
    return round(int(status.split("VmHWM:")[1].split()[0]) / 1024)


def summarise(label: str, results: list[dict[str, object]]) -> tuple[str, dict[str, object]]:
    """The summary line for the test output, and the figures behind it."""
    files = [result for result in results if "file" in result]
    peak = max(int(r["rss_mb"]) for r in files)  # type: ignore[call-overload]
    heaviest = next(Path(str(r["file"])).name for r in files if r["rss_mb"] == peak)
    times = sorted((float(result["seconds"]), str(result["file"])) for result in files)  # type: ignore[arg-type]
    counts = Counter(str(result["outcome"]) for result in files)
    reasons = Counter(str(r["reason"]) for r in files if r["outcome"] == "refused")
    figures = {
        "files": len(files),
        **{kind: counts[kind] for kind in ("accepted", "refused", "failed", "dirty", "unexpected")},
        "p99_seconds": times[math.ceil(0.99 * len(times)) - 1][0],
        "max_seconds": times[-1][0],
        "slowest": Path(times[-1][1]).name,
        "peak_rss_mb": peak,
        "heaviest": heaviest,
    }
    line = (
        f"{label}: {figures['files']} files, {figures['accepted']} accepted, "
        f"{figures['refused']} refused at upload ({', '.join(f'{k} {v}' for k, v in reasons.most_common())}), "
        f"{figures['failed']} refused by the worker, {figures['dirty'] + figures['unexpected']} unexpected; "
        f"per file p99 {figures['p99_seconds']:.3f} s, max {figures['max_seconds']:.3f} s "
        f"({figures['slowest']}); peak RSS {peak} MB (reached at {heaviest})"
    )
    return line, figures


def assert_corpus_passes(results: list[dict[str, object]], figures: dict[str, object]) -> None:
    bad = [r for r in results if r.get("outcome") in ("unexpected", "dirty")]
    assert not bad, "\n".join(f"{Path(str(r['file'])).name}: {r['error']}" for r in bad)
    assert float(figures["max_seconds"]) < MAX_SECONDS  # type: ignore[arg-type]
    assert int(figures["peak_rss_mb"]) < MAX_RSS_MB  # type: ignore[call-overload]


# -- Pillow's test images -------------------------------------------------------------------------


@functools.cache
def pillow_test_images() -> Path:
    """Tests/images of the installed Pillow's sdist, fetched with pip once and kept in CACHE."""
    if PILLOW_IMAGES.is_dir():
        return PILLOW_IMAGES
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:"]
        command += ["--no-deps", f"pillow=={PIL.__version__}", "--dest", scratch]
        subprocess.run(command, check=True, capture_output=True, timeout=900)
        with tarfile.open(next(Path(scratch).glob("pillow-*.tar.gz"))) as sdist:
            members = [m for m in sdist.getmembers() if "/Tests/images/" in m.name and m.isfile()]
            sdist.extractall(scratch, members=members, filter="data")
        images = next(Path(scratch).glob("pillow-*/Tests/images"))
        try:
            images.rename(PILLOW_IMAGES)
        except OSError:  # another run got there first
            if not PILLOW_IMAGES.is_dir():
                raise
    return PILLOW_IMAGES


@pytest.fixture(scope="session")
def pillow_corpus() -> list[Path]:
    """Every file of Pillow's Tests/images; skipped offline, except under CI where it must run."""
    try:
        images = pillow_test_images()
    except (OSError, subprocess.SubprocessError, StopIteration, tarfile.TarError) as error:
        stderr = (getattr(error, "stderr", b"") or b"").decode(errors="replace").splitlines()
        why = stderr[0] if stderr else f"{type(error).__name__}: {error}"
        message = f"Pillow {PIL.__version__}'s test images could not be fetched with pip: {why}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(f"{message} (offline? under CI=true this fails; .ci/run fetches them first)")
    return sorted(path for path in images.rglob("*") if path.is_file())


# What some of Pillow's files must give: the reason they are in its corpus, or a fix of ours.
PILLOW_EXPECTED = {
    "decompression_bomb_extents.gif": "format",  # U16: GIF is never opened at all
    "decompression_bomb.gif": "format",
    "png_decompression_dos.png": "corrupt",  # ValueError at open(): the guard wraps open() too
    "invalid-exif.jpg": "accepted",  # EXIF Pillow cannot parse counts as no orientation
    "truncated_exif_dpi.jpg": "accepted",
    "truncated_jpeg.jpg": "corrupt",
}


def test_U19_pillow_corpus(pillow_corpus: list[Path], tmp_path: Path, capsys) -> None:
    results = run_corpus(pillow_corpus, tmp_path, timeout=900)
    line, figures = summarise(f"U19 Pillow {PIL.__version__} Tests/images", results)
    with capsys.disabled():
        print(f"\n{line}")
    assert_corpus_passes(results, figures)
    by_name = {Path(str(r["file"])).name: outcome_of(r) for r in results if "file" in r}
    assert {name: by_name[name] for name in PILLOW_EXPECTED} == PILLOW_EXPECTED
    assert figures["files"] == len(pillow_corpus) > 1000


# -- the hostile files of the shared corpus -------------------------------------------------------

# tests/samples/hostile/ (origins in tests/samples/SOURCES.md) and the hostile samples next to it.
HOSTILE_EXPECTED = {
    "hostile/65536-uint32-limit.png": "pixels",  # 65536 x 65536: 4.3 gigapixels in 510 KB
    "hostile/IllegalArgumentException.HeifReader.processBoxes.heif": "corrupt",
    "hostile/big-height.webp": "dimensions",
    "hostile/clap-overflow-divide-zero.heic": "corrupt",
    "hostile/clusterfuzz-testcase-minimized-file-fuzzer-4616081830051840.heic": "format",
    "hostile/clusterfuzz-testcase-minimized-file-fuzzer-5752063708495872.heic": "worker:corrupt",
    "hostile/corrupt-header.jpg": "corrupt",
    "hostile/crash-20ca2625096a205937b809a7841e7f019f0b2dc6.heic": "format",
    "hostile/github_20.heic": "format",
    "hostile/invalid-iCCP-missing-adler32-checksum.png": "dimensions",
    "hostile/jpg__corrupted.jpg": "accepted",  # damaged scan data: libjpeg recovers
    "hostile/jpg_invalid__image00971.jpg": "accepted",
    "hostile/jpg_invalid__image01088.jpg": "accepted",
    "hostile/jpg_invalid__image01137.jpg": "dimensions",
    "hostile/jpg_invalid__image01551.jpg": "dimensions",
    "hostile/jpg_invalid__image01713.jpg": "dimensions",
    "hostile/jpg_invalid__image01980.jpg": "dimensions",
    "hostile/jpg_invalid__image02206.jpg": "dimensions",
    "hostile/jpg_tests__30-type_error.jpg": "accepted",
    "hostile/jpg_tests__33-type_error.jpg": "accepted",
    "hostile/jpg_tests__36-memory_error.jpg": "accepted",
    "hostile/jpg_tests__67-0_length_string.jpg": "accepted",
    "hostile/this-is-a-jpeg.png": "accepted",  # a JPEG named .png: the name is never read
    "hostile/uaf_heif_context.h_117_1.heic": "corrupt",
    "hostile/wrong.heic": "accepted",  # a JPEG named .heic
    "bomb-280mp.jpg": "pixels",
    "truncated.jpg": "corrupt",
    "truncated.png": "corrupt",
}


def test_U19_hostile_samples(tmp_path: Path, capsys) -> None:
    assert {p.name for p in HOSTILE.iterdir()} == {
        name.removeprefix("hostile/") for name in HOSTILE_EXPECTED if name.startswith("hostile/")
    }
    samples = HOSTILE.parent
    results = run_corpus([samples / name for name in HOSTILE_EXPECTED], tmp_path, timeout=300)
    line, figures = summarise("U19 hostile samples", results)
    with capsys.disabled():
        print(f"\n{line}")
    assert_corpus_passes(results, figures)
    outcomes = {
        Path(str(r["file"])).relative_to(samples).as_posix(): outcome_of(r)
        for r in results
        if "file" in r
    }
    assert outcomes == HOSTILE_EXPECTED


# -- files made here ------------------------------------------------------------------------------

HTML = b"<html><body><script>fetch('/steal?'+document.cookie)</script></body></html>"
SCRIPT = b"<script>alert(document.domain)</script>"


def encoded(image: Image.Image, pil_format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return buffer.getvalue()


def photo(size: tuple[int, int] = (640, 480)) -> Image.Image:
    """Something photo-like: two colours, so every rendition has real pixels."""
    image = Image.new("RGB", size, (30, 90, 160))
    image.paste((230, 180, 40), (0, 0, size[0] // 2, size[1]))
    return image


def png_with_script() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", SCRIPT.decode())
    text.add_itxt("Description", HTML.decode(), zip=False)
    return encoded(photo(), "PNG", pnginfo=text) + HTML


def jpeg_with_zip() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("index.html", HTML)
    return encoded(photo(), "JPEG") + archive.getvalue()


def jpeg_with_script_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x010E] = SCRIPT.decode()  # ImageDescription
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + SCRIPT + b"</x:xmpmeta>"
    return encoded(photo(), "JPEG", exif=exif, xmp=xmp, comment=HTML)


def animation(pil_format: str) -> bytes:
    frames = [photo((320, 240)).rotate(12 * i) for i in range(30)]
    return encoded(frames[0], pil_format, save_all=True, append_images=frames[1:], duration=40)


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"'

# name: (SAFETY-TESTS case, maker, expected outcome as outcome_of() words it)
MADE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "12001x100": ("U08", lambda: encoded(photo((12001, 100)), "PNG"), "dimensions"),
    "99x99": ("U08", lambda: encoded(photo((99, 99)), "PNG"), "dimensions"),
    "1x50000": ("U08", lambda: encoded(photo((1, 50000)), "PNG"), "dimensions"),
    "100x2001": ("U08", lambda: encoded(photo((100, 2001)), "PNG"), "dimensions"),
    "100x2000": ("U08", lambda: encoded(photo((100, 2000)), "PNG"), "accepted"),
    "12000x4000": ("U08", lambda: encoded(photo((12000, 4000)), "JPEG"), "accepted"),
    "bmp-as-jpg": ("U09", lambda: encoded(photo(), "BMP"), "format"),
    "tiff-as-jpg": ("U09", lambda: encoded(photo(), "TIFF"), "format"),
    "gif-as-jpg": ("U09", lambda: encoded(photo(), "GIF"), "format"),
    "pdf-as-jpg": ("U09", lambda: encoded(photo(), "PDF"), "format"),
    "ico-as-jpg": ("U09", lambda: encoded(photo((64, 64)), "ICO"), "format"),
    "jpeg2000-as-jpg": ("U09", lambda: encoded(photo(), "JPEG2000"), "format"),
    "qoi-as-jpg": ("U09", lambda: encoded(photo(), "QOI"), "format"),
    "psd-magic-as-jpg": ("U09", lambda: b"8BPS\x00\x01" + bytes(200), "format"),
    "svg-script": ("U10", lambda: SVG + b">" + SCRIPT + b"</svg>", "format"),
    "svg-onload": ("U10", lambda: SVG + b' onload="alert(1)"></svg>', "format"),
    "svg-foreignobject": (
        "U10",
        lambda: SVG + b"><foreignObject>" + HTML + b"</foreignObject></svg>",
        "format",
    ),
    "html-as-jpg": ("U11", lambda: b"<!DOCTYPE html>" + HTML, "format"),
    "html-behind-jpeg-magic": ("U11", lambda: b"\xff\xd8\xff\xe0" + HTML, "corrupt"),
    "jpeg-com-script-html-after-eoi": (
        "U12",
        lambda: encoded(photo(), "JPEG", comment=SCRIPT) + HTML,
        "accepted",
    ),
    "jpeg-script-in-exif-xmp-com": ("U12", jpeg_with_script_metadata, "accepted"),
    "jpeg-zip-appended": ("U12", jpeg_with_zip, "accepted"),
    "png-text-script-html-after-iend": ("U12", png_with_script, "accepted"),
    "webp-html-after-riff": ("U12", lambda: encoded(photo(), "WEBP") + HTML, "accepted"),
    "animated-webp-30-frames": ("U16", lambda: animation("WEBP"), "accepted"),
    "apng-30-frames": ("U16", lambda: animation("PNG"), "accepted"),
    "animated-gif-30-frames": ("U16", lambda: animation("GIF"), "format"),
}


def made(case: str) -> list[str]:
    return [name for name, (which, _, _) in MADE.items() if which == case]


def assert_made_file_gives_what_it_should(name: str) -> None:
    _, make, expected = MADE[name]
    result = examine(make())
    assert outcome_of(result) == expected, result


@pytest.mark.parametrize("name", made("U08"))
def test_U08_dimension_edge_cases(name: str) -> None:
    assert_made_file_gives_what_it_should(name)


@pytest.mark.parametrize("name", made("U09"))
def test_U09_other_formats_named_jpg_are_refused(name: str) -> None:
    assert_made_file_gives_what_it_should(name)


@pytest.mark.parametrize("name", made("U10"))
def test_U10_svg_with_script_is_refused(name: str) -> None:
    assert_made_file_gives_what_it_should(name)


@pytest.mark.parametrize("name", made("U11"))
def test_U11_html_is_refused_whatever_it_starts_with(name: str) -> None:
    assert_made_file_gives_what_it_should(name)


@pytest.mark.parametrize("name", made("U12"))
def test_U12_polyglots_are_published_without_their_payload(name: str) -> None:
    data = MADE[name][1]()
    assert any(needle in data.lower() for needle in PAYLOADS)  # the payload is really there
    assert_made_file_gives_what_it_should(name)  # examine() looks for it in every rendition


@pytest.mark.parametrize("name", made("U16"))
def test_U16_animations_give_one_still_frame(name: str) -> None:
    assert_made_file_gives_what_it_should(name)  # examine() counts the frames of every rendition


# Found by tests/images/test_fuzz_validator.py: Pillow's AVIF plugin raises RuntimeError.
AVIF = ROOT / "tests" / "samples" / "demo" / "palace-garden.avif"


@pytest.mark.parametrize(
    ("offset", "value", "expected"),
    [
        (104, 0x8F, "corrupt"),  # the item box: open() fails, in the upload request
        (316, 130, "worker:corrupt"),  # the AV1 data: only decoding shows it, in the worker
    ],
)
def test_U20_a_broken_avif_is_refused_not_an_error(offset: int, value: int, expected: str) -> None:
    data = bytearray(AVIF.read_bytes())
    data[offset] = value
    assert outcome_of(examine(bytes(data))) == expected


def test_U20_unreadable_exif_in_a_png_text_chunk_is_no_orientation() -> None:
    text = PngImagePlugin.PngInfo()
    text.add_text("Raw profile type exif", "\nexif\n   20\nzz not hexadecimal")
    assert outcome_of(examine(encoded(photo(), "PNG", pnginfo=text))) == "accepted"


if __name__ == "__main__":
    if sys.argv[1:] == ["--fetch"]:
        print(pillow_test_images())
    else:
        main(*sys.argv[1:])
