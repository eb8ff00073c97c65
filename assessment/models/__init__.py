from .assessments import Answer, Assessment, Company, Respondent
from .history import AnswerChange
from .questionnaire import Dimension, Option, Question, Questionnaire

__all__ = [
    "Answer",
    "AnswerChange",
    "Assessment",
    "Company",
    "Dimension",
    "Option",
    "Question",
    "Questionnaire",
    "Respondent",
]
