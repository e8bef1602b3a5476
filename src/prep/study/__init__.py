"""Studying: grading answers, FSRS scheduling, study sessions, mastery and statistics."""
