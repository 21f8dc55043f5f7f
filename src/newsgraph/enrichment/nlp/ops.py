"""Matrix products of the spaCy model through numpy's BLAS instead of thinc's bundled blis.

thinc's ``NumpyOps.gemm`` calls blis, which picks its kernel by the CPU it recognises; on CPUs it does not (the
virtualised AMD EPYC of our benchmark machine), it runs a generic kernel 2.5-4.7x slower than numpy's OpenBLAS on
the shapes of the small English model's layers. :class:`MatmulOps` is ``NumpyOps`` with thinc's own generic
``gemm`` (``numpy.dot``) put back; :func:`install` gives it to every layer of every component. The arithmetic is
the same single-precision product, so outputs are equal up to float rounding order: on the 92 extraction-dev
articles (89,118 tokens) every tag, dependency, head and entity label came out identical, and
``tests/test_nlp_ops.py`` checks that on our own texts. The transition parsers' per-step scoring (spaCy's C code)
keeps blis.

Threads: OpenBLAS may use several threads per process; a pool of worker processes asks each for one
(:func:`one_thread_per_worker`), so workers do not fight over the cores the pool already fills.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# The environment a worker process starts with: one BLAS thread each (values a user set are kept).
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def matmul_ops():
    """A ``NumpyOps`` whose ``gemm`` is thinc's generic numpy one."""
    from thinc.api import NumpyOps
    from thinc.backends.ops import Ops

    class MatmulOps(NumpyOps):
        name = "numpy"  # thinc's registry name for CPU ops, so nothing that checks ops.name treats it as foreign
        gemm = Ops.gemm

    return MatmulOps()


def install(nlp: "Language") -> int:
    """Give every thinc layer of ``nlp``'s components :func:`matmul_ops`; the number of layers switched."""
    ops = matmul_ops()
    switched = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
            switched += 1
    return switched


def installed(nlp: "Language") -> bool:
    """Whether every layer of every component multiplies through numpy."""
    from thinc.backends.ops import Ops
    layers = [node for _, component in nlp.pipeline if hasattr(getattr(component, "model", None), "walk")
              for node in component.model.walk()]
    return bool(layers) and all(type(node.ops).gemm is Ops.gemm for node in layers)


def one_thread_per_worker() -> None:
    """Before starting worker processes: each gets one BLAS thread unless the user chose otherwise."""
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
