-- Schema version 9: new blobs live in encrypted files beside the database (blobs/<item id>.blob), which Derby
-- neither logs nor writes twice; the row keeps the key's id and the nonce, and no data. Blobs stored before stay in
-- DATA and are read from there.
ALTER TABLE TB_QUEUE_BLOB ALTER COLUMN DATA NULL;
ALTER TABLE TB_QUEUE_BLOB ADD COLUMN IN_FILE BOOLEAN NOT NULL DEFAULT FALSE;
