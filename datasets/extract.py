"""Extract the real data shared by reproductions from pinned PyPI packages (no network).

Reads files that ship inside the scikit-learn and scikit-image wheels, checks each against a
pinned sha256, converts them to formats Node reads without extra dependencies, and writes a
MANIFEST.json with provenance, hashes, shapes and licences. Run by `dvc repro datasets`:

    .venv/bin/python datasets/extract.py [--out datasets/out]

Outputs (under --out):
  digits.json           {"images": int[1797][64] in 0..16, "labels": int[1797]}
  images/<name>.f32     128x128 float32 little-endian, row-major, grayscale in [0, 1]
  MANIFEST.json         per output file: source, sha256 (source and output), shape, licence
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

SIDE = 128

# The 8x8 digits: the UCI test set copy that scikit-learn ships (1797 rows of 64 pixels + label).
DIGITS = {
    "package": "scikit-learn",
    "module": "sklearn",
    "path": "datasets/data/digits.csv.gz",
    "sha256": "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22",
    "licence": "BSD-3-Clause (scikit-learn); data: UCI ML hand-written digits (Alpaydin & Kaynak, 1998), public",
    "origin": "UCI Optical Recognition of Handwritten Digits, test set (sklearn/datasets/descr/digits.rst)",
}

# Only images that ship inside the scikit-image wheel (others are fetched at run time and are
# not used). Licence and origin are those the skimage.data docstrings state for each image.
# `moon` also ships but its docstring names no origin or licence, so it is left out.
IMAGES = {
    "camera": {
        "sha256": "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
        "licence": "CC0 (photographer Lav Varshney)",
        "origin": "skimage.data.camera: 'No copyright restrictions. CC0 by the photographer (Lav Varshney).'",
    },
    "astronaut": {
        "sha256": "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
        "licence": "public domain (NASA)",
        "origin": "skimage.data.astronaut: NASA Great Images database, 'No known copyright restrictions, released into the public domain.'",
    },
    "coins": {
        "sha256": "f8d773fc9cfa6f4d8e5942dc34d0a0788fcaed2a4fefbbed0aef5398d7ef4cba",
        "licence": "no known copyright restrictions (Brooklyn Museum)",
        "origin": "skimage.data.coins: Greek coins from Pompeii, Brooklyn Museum Collection, 'No known copyright restrictions.'",
    },
    "text": {
        "sha256": "bd84aa3a6e3c9887850d45d606c96b2e59433fbef50338570b63c319e668e6d1",
        "licence": "public domain (Wikipedia File:Corner.png)",
        "origin": "skimage.data.text: Wikipedia File:Corner.png, 'No known copyright restrictions, released into the public domain.'",
    },
    "brick": {
        "sha256": "7966caf324f6ba843118d98f7a07746d22f6a343430add0233eca5f6eaaa8fcf",
        "licence": "CC0 (CC0Textures Bricks25)",
        "origin": "skimage.data.brick: CC0Textures Bricks25, CC0; perspective-transformed, rotated, cropped by scikit-image",
    },
    "grass": {
        "sha256": "b6b6022426b38936c43a4ac09635cd78af074e90f42ffa8227ac8b7452d39f89",
        "licence": "CC0 (DeviantArt linolafett, Grass-01)",
        "origin": "skimage.data.grass: DeviantArt 'Grass-01', CC0; cropped and converted to grayscale by scikit-image",
    },
    "gravel": {
        "sha256": "c48615b451bf1e606fbd72c0aa9f8cc0f068ab7111ef7d93bb9b0f2586440c12",
        "licence": "CC0 (CC0Textures Gravel04)",
        "origin": "skimage.data.gravel: CC0Textures Gravel04, CC0; rescaled, cropped, grayscale by scikit-image",
    },
}

# skimage.color.rgb2gray's luminance weights (ITU-R BT.709), applied here so the gray conversion
# does not depend on scikit-image's code path.
RGB_TO_GRAY = np.array([0.2125, 0.7154, 0.0721])


class ExtractError(RuntimeError):
    pass


def package_dir(module: str) -> Path:
    """The installed package's folder, found without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ExtractError(f"package '{module}' is not installed in {sys.prefix}; install the pinned versions from requirements.txt")
    return Path(list(spec.submodule_search_locations)[0])


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checked_source(package: str, module: str, rel: str, expected: str) -> tuple[Path, dict]:
    path = package_dir(module) / rel
    if not path.is_file():
        raise ExtractError(f"{module}/{rel} is missing from the installed {package}; this script needs a wheel that ships it")
    got = sha256_file(path)
    if got != expected:
        version = importlib.metadata.version(package)
        raise ExtractError(
            f"sha256 of {module}/{rel} (from {package} {version}) is {got}, but the pinned value is {expected}: "
            "the installed package ships different data. Install the version pinned in requirements.txt, "
            "or review the new file and update the pin in datasets/extract.py."
        )
    source = {"package": package, "version": importlib.metadata.version(package), "path": f"{module}/{rel}", "sha256": got}
    return path, source


def to_square(gray: np.ndarray) -> tuple[np.ndarray, str]:
    """Centre-crop to the largest multiple of SIDE that fits, then average k x k blocks (exact, no interpolation)."""
    h, w = gray.shape
    k = min(h, w) // SIDE
    if k < 1:
        raise ExtractError(f"image of shape {gray.shape} is smaller than {SIDE}x{SIDE}")
    s = k * SIDE
    top, left = (h - s) // 2, (w - s) // 2
    crop = gray[top : top + s, left : left + s]
    out = crop.reshape(SIDE, k, SIDE, k).mean(axis=(1, 3))
    return out, f"centre crop {s}x{s} at (row {top}, col {left}) of {h}x{w}, then {k}x{k} block mean"


def read_png(path: Path) -> np.ndarray:
    # Pillow is a dependency of scikit-image; PNG decoding is lossless, so the pixels are exact.
    from PIL import Image

    with Image.open(path) as im:
        im.load()
        return np.asarray(im)


def extract_digits(out: Path) -> dict:
    src, source = checked_source(DIGITS["package"], DIGITS["module"], DIGITS["path"], DIGITS["sha256"])
    rows = [line.split(",") for line in gzip.decompress(src.read_bytes()).decode("ascii").splitlines() if line.strip()]
    data = np.array([[float(v) for v in r] for r in rows])
    if data.shape != (1797, 65):
        raise ExtractError(f"digits: expected 1797 rows of 65 values, got {data.shape}")
    pixels = data[:, :64].astype(np.int64)
    labels = data[:, 64].astype(np.int64)
    if not (np.all(data[:, :64] == pixels) and pixels.min() >= 0 and pixels.max() <= 16 and set(labels.tolist()) == set(range(10))):
        raise ExtractError("digits: pixels must be integers in 0..16 and labels 0..9")
    payload = {"images": pixels.tolist(), "labels": labels.tolist()}
    target = out / "digits.json"
    target.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="ascii")
    return {
        "source": source,
        "sha256": sha256_file(target),
        "format": "json {images: int[n][64] row-major 8x8 in 0..16, labels: int[n] in 0..9}",
        "shape": [int(pixels.shape[0]), 8, 8],
        "licence": DIGITS["licence"],
        "origin": DIGITS["origin"],
    }


def extract_image(name: str, meta: dict, out: Path) -> dict:
    src, source = checked_source("scikit-image", "skimage", f"data/{name}.png", meta["sha256"])
    raw = read_png(src)
    if raw.dtype != np.uint8:
        raise ExtractError(f"{name}: expected 8-bit pixels, got {raw.dtype}")
    values = raw.astype(np.float64) / 255.0
    conversion = "uint8 / 255"
    if values.ndim == 3:
        values = values[..., :3] @ RGB_TO_GRAY
        conversion += "; RGB to gray with weights 0.2125, 0.7154, 0.0721 (as skimage.color.rgb2gray)"
    square, resize = to_square(values)
    target = out / "images" / f"{name}.f32"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(square.astype("<f4").tobytes())
    return {
        "source": source,
        "sha256": sha256_file(target),
        "format": "float32 little-endian, row-major, grayscale in [0, 1]",
        "shape": [SIDE, SIDE],
        "transform": f"{conversion}; {resize}",
        "licence": meta["licence"],
        "origin": meta["origin"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    try:
        files = {"digits.json": extract_digits(out)}
        for name, meta in IMAGES.items():
            files[f"images/{name}.f32"] = extract_image(name, meta, out)
    except ExtractError as e:
        print(f"datasets/extract.py: {e}", file=sys.stderr)
        return 1
    manifest = {
        "generator": "datasets/extract.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "files": files,
    }
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"datasets/extract.py: wrote {len(files)} files and MANIFEST.json to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
