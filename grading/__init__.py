"""Labs and their grader: starter states (labs/), points per part, results files, the sandbox."""
