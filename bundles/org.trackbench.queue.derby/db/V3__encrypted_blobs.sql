-- Schema version 3: blobs are encrypted at rest (AES-GCM). Each names the data key it was encrypted with and
-- its nonce; blobs stored before this version have neither and are read as they are.
ALTER TABLE TB_QUEUE_BLOB ADD COLUMN KEY_ID VARCHAR(64);
ALTER TABLE TB_QUEUE_BLOB ADD COLUMN NONCE VARCHAR(32);
