"""Evaluation: score extracted records against hand-made gold annotations, field by field.

from pipeline.evaluation import evaluate
result = evaluate(["tests/gold/college.json"])
"""

from pipeline.evaluation.gold import FIELDS, Gold, load_gold
from pipeline.evaluation.run import Evaluation, evaluate
from pipeline.evaluation.score import FieldScore, PlanScore, score

__all__ = [
    "FIELDS",
    "Evaluation",
    "FieldScore",
    "Gold",
    "PlanScore",
    "evaluate",
    "load_gold",
    "score",
]
