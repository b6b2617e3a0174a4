-- A viewer (role 'viewer') reads one user's jobs, datasets and results, or every user's, and
-- changes nothing. viewer_of is the id of the user it reads (NULL: every user); NULL for the other
-- roles.
ALTER TABLE app_user ADD COLUMN viewer_of TEXT;
