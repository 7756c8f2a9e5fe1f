"""Image pipeline benchmark: photos per second on one core, and peak memory for a 50 MP input.

    .venv/bin/python benchmarks/pipeline.py             # full run, 3-4 minutes
    .venv/bin/python benchmarks/pipeline.py --quick     # 1 minute: no naive Pillow, no CLI, JPEG memory
    .venv/bin/python benchmarks/pipeline.py --sweep     # encoder settings: time, size, SSIM
    .venv/bin/python benchmarks/pipeline.py --layouts   # rendition sizes and encoder speeds
    .venv/bin/python benchmarks/pipeline.py --memory    # only the peak memory, every format
    .venv/bin/python benchmarks/pipeline.py --quick --widths 400,800,1200 --box-ratio 2

Compares gezinsmuur.images.process() (every rendition, hashes included) with
  - naive Pillow: full decode, exif_transpose, Lanczos from full size for each width, each format
    saved with Pillow's default settings;
  - pyvips (pyvips-binary wheel): thumbnail() with shrink-on-load once per width, then the same
    three encodes with our settings (no HEIC: the wheel has no HEVC decoder);
  - the vipsthumbnail CLI (Debian's libvips-tools): one run per width and format, same settings.
pyvips/pyvips-binary and vipsthumbnail are optional: their columns show "-" when missing.
Rates are photos per CPU-second on one pinned core (this process and its children), from the
fastest of several runs, so that other work on the machine does not count against any column.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gezinsmuur.images import pipeline, process  # noqa: E402
from gezinsmuur.images.validate import sniff_format  # noqa: E402

SAMPLES = ROOT / "tests" / "samples"
# Real photos from tests/samples. The shared corpus has no 12 MP phone JPEG under 4 MiB: the
# 12 MP JPEG is a camera's (Olympus E-P3), the phone JPEGs are 8 MP, and one more row is a 12 MP
# phone-style JPEG made here from the iPhone HEIC (stored landscape with EXIF orientation 6).
INPUTS = [
    SAMPLES / "camera-12mp.jpg",
    SAMPLES / "demo" / "phone-iphone6-gps.jpg",
    SAMPLES / "demo" / "phone-moto-g-dandelion.jpg",
    SAMPLES / "demo" / "phone-samsung-church-portrait.jpg",
    SAMPLES / "demo" / "phone-iphone15pro-gps.heic",
]
HEIC = SAMPLES / "demo" / "phone-iphone15pro-gps.heic"
MEMORY_LIMIT_MB = 200


def main() -> None:
    args = parse_args()
    os.sched_setaffinity(0, {args.core})  # one core: every figure is per core
    apply_overrides(args)
    print_settings(args)
    with tempfile.TemporaryDirectory() as tmp:
        if args.sweep:
            print_sweep()
            return
        if args.memory:
            print_memory(Path(tmp), args)
            return
        if args.layouts:
            print_layouts([*INPUTS[:1], INPUTS[3], HEIC, phone_style_jpeg(Path(tmp))], args)
            return
        inputs = [*INPUTS, phone_style_jpeg(Path(tmp))]
        print_throughput(inputs, args)
        print_memory(Path(tmp), args)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--core", type=int, default=0, help="CPU to pin to (default 0)")
    parser.add_argument("--repeat", type=int, default=8, help="runs per photo (ours, pyvips)")
    parser.add_argument("--quick", action="store_true", help="3 runs, no naive Pillow, no CLI")
    parser.add_argument("--sweep", action="store_true", help="compare encoder settings instead")
    parser.add_argument("--layouts", action="store_true", help="compare layouts and settings")
    parser.add_argument("--memory", action="store_true", help="only the peak memory, every format")
    parser.add_argument("--widths", help="override RENDITION_WIDTHS, e.g. 400,1000")
    parser.add_argument("--box-ratio", type=float, help="override MAX_HEIGHT_RATIO")
    parser.add_argument("--avif-speed", type=int, help="override the AVIF speed")
    parser.add_argument("--webp-method", type=int, help="override the WebP method")
    args = parser.parse_args()
    args.repeat = 3 if args.quick else args.repeat
    return args


def apply_overrides(args: argparse.Namespace) -> None:
    """Try other settings without editing the pipeline (process() reads these at call time)."""
    if args.widths:
        pipeline.RENDITION_WIDTHS = tuple(int(w) for w in args.widths.split(","))  # type: ignore[misc]
    if args.box_ratio:
        pipeline.MAX_HEIGHT_RATIO = args.box_ratio  # type: ignore[misc]
    if args.avif_speed is not None:
        pipeline.ENCODERS["avif"][1]["speed"] = args.avif_speed
    if args.webp_method is not None:
        pipeline.ENCODERS["webp"][1]["method"] = args.webp_method


def print_settings(args: argparse.Namespace) -> None:
    import pillow_heif
    from PIL import __version__ as pillow_version

    print(f"# Pillow {pillow_version}, pillow-heif {pillow_heif.__version__}, {vips_versions()}")
    print(
        f"# CPU {args.core} only; boxes {pipeline.RENDITION_WIDTHS} x {pipeline.MAX_HEIGHT_RATIO}"
    )
    for name, (_, options) in pipeline.ENCODERS.items():
        print(f"#   {name}: {options}")
    print()


def vips_versions() -> str:
    pyvips = load_pyvips()
    wheel = f"pyvips libvips {pyvips.version(0)}.{pyvips.version(1)}" if pyvips else "no pyvips"
    if not shutil.which("vipsthumbnail"):
        return f"{wheel}, no vipsthumbnail"
    result = subprocess.run(["vipsthumbnail", "--vips-version"], capture_output=True, text=True)
    return f"{wheel}, vipsthumbnail {result.stdout.strip().removeprefix('libvips ')}"


def load_pyvips() -> ModuleType | None:
    try:
        import pyvips
    except (ImportError, OSError):
        return None
    return pyvips


def phone_style_jpeg(folder: Path) -> Path:
    """The iPhone HEIC as the JPEG an iPhone set to "Most Compatible" writes: 12 MP, q90,
    pixels stored landscape with EXIF orientation 6."""
    with Image.open(HEIC) as im:
        stored = im.convert("RGB").transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = folder / "phone-12mp-from-heic-orientation-6.jpg"
    stored.save(path, "JPEG", quality=90, exif=exif)
    return path


# --- throughput ---------------------------------------------------------------------------------


COLUMNS = ("ours", "naive", "pyvips", "cli")


def print_throughput(inputs: list[Path], args: argparse.Namespace) -> None:
    fastest = measure(inputs, args)
    print(f"{'photos per CPU-second':40} {'MP':>5} {'ours':>6} {'naive':>6} {'pyvips':>6}", end="")
    print(f" {'cli':>6} {'÷naive':>7} {'÷pyvips':>8} {'÷cli':>6} {'KiB':>5}")
    for path in inputs:
        rates = {
            column: 1 / fastest[path, column] for column in COLUMNS if (path, column) in fastest
        }
        print_row(path, rates)
    print()


def measure(inputs: list[Path], args: argparse.Namespace) -> dict[tuple[Path, str], float]:
    """Fastest CPU time of each (photo, column) over interleaved rounds, after a warm-up round.

    CPU time of this process and its children, and the fastest run (as timeit does): pinned to
    one core the two equal wall time on an idle machine. Rounds go through every photo and
    column in turn, so a busy spell on the machine cannot slow one column more than another.
    """
    works = {key: work for path in inputs for key, work in workloads(path, args).items()}
    fastest = {key: float("inf") for key in works}
    for round_number in range(args.repeat + 1):
        for (path, column), work in works.items():
            if round_number > RUNS.get(column, args.repeat):
                continue  # the slow columns run fewer times
            start = cpu_seconds()
            work()
            if round_number:  # round 0 warms up imports, codecs and the page cache
                fastest[path, column] = min(fastest[path, column], cpu_seconds() - start)
    return fastest


RUNS = {"naive": 2, "cli": 3}


def workloads(path: Path, args: argparse.Namespace) -> dict[tuple[Path, str], Callable[[], object]]:
    data = path.read_bytes()
    works: dict[str, Callable[[], object]] = {"ours": lambda: process(io.BytesIO(data))}
    if not args.quick:
        works["naive"] = lambda: naive_pillow(data)
    if can_pyvips(path):
        works["pyvips"] = lambda: pyvips_renditions(path)
    if has_cli(args):
        works["cli"] = lambda: cli_renditions(path)
    return {(path, column): work for column, work in works.items()}


def print_row(path: Path, rates: dict[str, float]) -> None:
    with Image.open(path) as im:
        megapixels = im.width * im.height / 1e6
    kib = sum(len(r.data) for r in process(io.BytesIO(path.read_bytes())).renditions) // 1024
    name = path.name if path.parent.name != "demo" else f"demo/{path.name}"
    values = " ".join(f"{show(rates.get(column)):>6}" for column in COLUMNS)
    ours = rates["ours"]
    ratios = " ".join(
        f"{ratio(ours, rates.get(column)):>{w}}"
        for column, w in (("naive", 7), ("pyvips", 8), ("cli", 6))
    )
    print(f"{name[:40]:40} {megapixels:5.1f} {values} {ratios} {kib:>5}", flush=True)


def cpu_seconds() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def show(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def ratio(ours: float, other: float | None) -> str:
    return "-" if other is None else f"{ours / other:.2f}x"


def naive_pillow(data: bytes) -> None:
    """A first version: full decode, Lanczos from full size, Pillow's default encoder settings."""
    with Image.open(io.BytesIO(data)) as im:
        upright = ImageOps.exif_transpose(im).convert("RGB")
    for width in pipeline.RENDITION_WIDTHS:
        small = upright.resize(pipeline._fit(upright.size, width), Image.Resampling.LANCZOS)
        for pil_format in ("AVIF", "WEBP", "JPEG"):
            small.save(io.BytesIO(), pil_format)


def has_cli(args: argparse.Namespace) -> bool:
    return not args.quick and shutil.which("vipsthumbnail") is not None


def can_pyvips(path: Path) -> bool:
    return load_pyvips() is not None and path.suffix != ".heic"  # the wheel cannot decode HEVC


def pyvips_renditions(path: Path) -> None:
    """vips thumbnail() (shrink-on-load, autorotate, sRGB) per width, then our three encodes."""
    pyvips = load_pyvips()
    assert pyvips is not None
    for width in pipeline.RENDITION_WIDTHS:
        height = round(pipeline.MAX_HEIGHT_RATIO * width)
        thumb = pyvips.Image.thumbnail(str(path), width, height=height, size="down")
        thumb = thumb.copy_memory()  # render once: a sequential read cannot feed three saves
        for suffix, options in vips_savers().items():
            thumb.write_to_buffer(suffix, **options, keep="none")


def vips_savers() -> dict[str, dict[str, object]]:
    """Our encoder settings in libvips terms (AVIF effort = 9 - speed, WebP effort = method)."""
    avif, webp, jpeg = (pipeline.ENCODERS[name][1] for name in ("avif", "webp", "jpeg"))
    return {
        ".avif": {"Q": avif["quality"], "effort": 9 - avif["speed"]},
        ".webp": {"Q": webp["quality"], "effort": webp["method"]},
        ".jpg": {"Q": jpeg["quality"], "interlace": True, "optimize_coding": True},
    }


def cli_renditions(path: Path) -> None:
    """One vipsthumbnail run per width and format, as a shell script would do it."""
    with tempfile.TemporaryDirectory() as out:
        for width in pipeline.RENDITION_WIDTHS:
            size = f"{width}x{round(pipeline.MAX_HEIGHT_RATIO * width)}"
            for suffix, options in vips_savers().items():
                # `strip`: Debian's libvips 8.14 has no `keep` (and leaks metadata anyway)
                target = f"{out}/{width}{suffix}[{','.join(f'{k}={v}' for k, v in options.items())},strip]"
                command = ["vipsthumbnail", str(path), "--size", size, "-o", target]
                # env: pyvips's libvips setenv()s a module path in this process that would make
                # Debian's libvips load the wheel's modules and lose its AVIF saver
                subprocess.run(command, check=True, capture_output=True, env=dict(os.environ))


# --- memory -------------------------------------------------------------------------------------

# The child reports VmHWM (its own peak RSS): its ru_maxrss would also include the parent's RSS at
# fork time, which Linux carries over exec into the child.
MEMORY_CHILD = """
import re, sys, time
sys.path.insert(0, sys.argv[1])
from gezinsmuur.images import process
start = time.process_time()
if sys.argv[2] != "-":
    with open(sys.argv[2], "rb") as fp:
        process(fp)
seconds = time.process_time() - start
peak = re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)
print(int(peak) // 1024, f"{seconds:.2f}")
"""


def print_memory(folder: Path, args: argparse.Namespace) -> None:
    print(
        f"{'largest accepted input (made from a sample)':44} {'peak RSS MB':>11} {'CPU s':>6}",
        end="",
    )
    print(f"  (goal <= {MEMORY_LIMIT_MB} MB at 50 MP)")
    print_memory_row("nothing (imports only)", "-", args)
    for suffix, size, options in memory_inputs(args):
        path = make_big_input(folder / f"big{suffix}", size, options)
        megapixels = size[0] * size[1] / 1e6
        label = f"{suffix[1:].upper()} {megapixels:.0f} MP ({path.stat().st_size >> 20} MiB)"
        print_memory_row(label, str(path), args)
        path.unlink()


def memory_inputs(args: argparse.Namespace) -> list[tuple[str, tuple[int, int], dict[str, object]]]:
    """JPEG is the goal; the others decode every pixel (WebP and AVIF have lower pixel limits)."""
    inputs: list[tuple[str, tuple[int, int], dict[str, object]]] = [
        (".jpg", (8164, 6123), {"quality": 90})
    ]
    if not args.quick:
        inputs += [
            (".png", (8164, 6123), {"compress_level": 1}),
            (".rgba.png", (8164, 6123), {"compress_level": 1}),  # Pillow resizes RGBA premultiplied
            (".grid.heic", (8164, 6123), {"quality": 60, "tile_size": 512}),  # as phones write it
            (".heic", (5163, 3872), {"quality": 60}),  # 20 MP: the limit for one HEVC image
            (".avif", (5773, 4330), {"quality": 50, "speed": 10}),  # 25 MP: the AVIF limit
            (".webp", (4618, 3464), {"quality": 80, "method": 0}),  # 16 MP: the WebP limit
        ]
    return inputs


def make_big_input(path: Path, size: tuple[int, int], options: dict[str, object]) -> Path:
    """Upscale a real photo (made here: no file this big ships in the repo)."""
    with Image.open(SAMPLES / "camera-12mp.jpg") as im:
        big = im.convert("RGB").resize(size, Image.Resampling.BILINEAR)
    if path.name.endswith(".rgba.png"):
        big.putalpha(200)
    big.save(path, "HEIF" if path.suffix == ".heic" else None, **options)
    return path


def print_memory_row(label: str, path: str, args: argparse.Namespace) -> None:
    command = ["taskset", "-c", str(args.core), sys.executable, "-c", MEMORY_CHILD, str(ROOT), path]
    peak, seconds = subprocess.run(
        command, capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"{label:44} {peak:>11} {seconds:>6}", flush=True)


# --- layouts ------------------------------------------------------------------------------------

LAYOUTS: list[tuple[str, dict[str, object]]] = [
    ("chosen: boxes 480, 1200", {}),
    ("widths 480, 1200 (height <= 2x width)", {"MAX_HEIGHT_RATIO": 2}),
    ("boxes 400, 800, 1200", {"RENDITION_WIDTHS": (400, 800, 1200)}),
    ("boxes 480, 1000", {"RENDITION_WIDTHS": (480, 1000)}),
    ("AVIF speed 8, WebP method 4", {"avif": {"speed": 8}, "webp": {"method": 4}}),
]


def print_layouts(inputs: list[Path], args: argparse.Namespace) -> None:
    """Each layout on the same photos, in interleaved rounds (fastest run counts)."""
    datas = {path: path.read_bytes() for path in inputs}
    fastest: dict[tuple[str, Path], float] = {}
    for _ in range(args.repeat):
        for label, overrides in LAYOUTS:
            with overridden(overrides):
                for path, data in datas.items():
                    start = cpu_seconds()
                    process(io.BytesIO(data))
                    spent = cpu_seconds() - start
                    fastest[label, path] = min(fastest.get((label, path), spent), spent)
    print(f"{'photos per CPU-second':40}" + "".join(f" {p.stem[:16]:>16}" for p in inputs))
    for label, _ in LAYOUTS:
        print(f"{label:40}" + "".join(f" {1 / fastest[label, p]:16.2f}" for p in inputs))


@contextlib.contextmanager
def overridden(overrides: dict[str, object]) -> Iterator[None]:
    """Pipeline module settings changed for the duration (process() reads them at call time)."""
    saved = {name: getattr(pipeline, name) for name in ("RENDITION_WIDTHS", "MAX_HEIGHT_RATIO")}
    encoders = {name: dict(options) for name, (_, options) in pipeline.ENCODERS.items()}
    for name, value in overrides.items():
        if name in pipeline.ENCODERS:
            pipeline.ENCODERS[name][1].update(value)  # type: ignore[call-overload]
        else:
            setattr(pipeline, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(pipeline, name, value)
        for name, options in encoders.items():
            pipeline.ENCODERS[name][1].clear()
            pipeline.ENCODERS[name][1].update(options)


# --- encoder settings sweep ---------------------------------------------------------------------

SWEEP = [
    ("AVIF", {"quality": 60, "speed": 6}),
    ("AVIF", {"quality": 60, "speed": 8}),
    ("AVIF", {"quality": 50, "speed": 9}),
    ("AVIF", {"quality": 60, "speed": 9}),
    ("AVIF", {"quality": 70, "speed": 9}),
    ("WEBP", {"quality": 80, "method": 0}),
    ("WEBP", {"quality": 80, "method": 2}),
    ("WEBP", {"quality": 80, "method": 4}),
    ("WEBP", {"quality": 80, "method": 6}),
    ("JPEG", {"quality": 82}),
    ("JPEG", {"quality": 82, "progressive": True, "optimize": True}),
]


def print_sweep() -> None:
    """Each setting on the 1200 px upright image of the 12 MP JPEG and of the iPhone HEIC."""
    images = [largest_upright(path) for path in (SAMPLES / "camera-12mp.jpg", HEIC)]
    print(f"{'encoder settings (1200 px, mean of 2 photos)':60} {'ms':>6} {'KiB':>6} {'SSIM':>7}")
    for pil_format, options in SWEEP:
        results = [encode_measured(image, pil_format, options) for image in images]
        ms, kib, ssim = (sum(values) / len(values) for values in zip(*results, strict=True))
        print(f"{pil_format + ' ' + str(options):60} {ms:6.1f} {kib:6.1f} {ssim:7.4f}", flush=True)


def largest_upright(path: Path) -> Image.Image:
    with open(path, "rb") as fp:
        return pipeline._decode(fp, sniff_format(fp))[1]


def encode_measured(
    image: Image.Image, pil_format: str, options: dict
) -> tuple[float, float, float]:
    """(best of 3 CPU milliseconds, KiB, SSIM against the unencoded image)."""
    best = float("inf")
    for _ in range(3):
        buffer = io.BytesIO()
        start = cpu_seconds()
        image.save(buffer, pil_format, **options)
        best = min(best, cpu_seconds() - start)
    data = buffer.getvalue()
    with Image.open(io.BytesIO(data)) as decoded:
        return best * 1000, len(data) / 1024, block_ssim(image, decoded)


def block_ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean SSIM of the luma over 8x8 blocks: enough to rank settings, not a reference metric."""
    x, y = (np.asarray(im.convert("L"), dtype=np.float64) for im in (a, b))
    rows, cols = (x.shape[0] // 8) * 8, (x.shape[1] // 8) * 8
    x, y = (m[:rows, :cols].reshape(rows // 8, 8, cols // 8, 8) for m in (x, y))
    mx, my, vx, vy = x.mean((1, 3)), y.mean((1, 3)), x.var((1, 3)), y.var((1, 3))
    cov = ((x - mx[:, None, :, None]) * (y - my[:, None, :, None])).mean((1, 3))
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    ssim = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx**2 + my**2 + c1) * (vx + vy + c2))
    return float(ssim.mean())


if __name__ == "__main__":
    main()
