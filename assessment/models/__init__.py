from .assessments import Answer, Assessment, Company, Respondent
from .questionnaire import Dimension, Option, Question, Questionnaire

__all__ = [
    "Answer",
    "Assessment",
    "Company",
    "Dimension",
    "Option",
    "Question",
    "Questionnaire",
    "Respondent",
]
