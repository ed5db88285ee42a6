-- The letters a student pressed: options are shuffled on screen, so the
-- file letters in chosen are not what the student saw. '' for answers
-- stored before this column existed.
ALTER TABLE classroom_answers ADD COLUMN shown TEXT NOT NULL DEFAULT '';
