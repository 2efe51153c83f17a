-- Schema version 2: blobs carry their media type, so any entity type can attach one (not only JPEG).
ALTER TABLE TB_QUEUE_ITEM ADD COLUMN BLOB_CONTENT_TYPE VARCHAR(100);
UPDATE TB_QUEUE_ITEM SET BLOB_CONTENT_TYPE = 'application/octet-stream' WHERE BLOB_SIZE > 0;
CREATE INDEX IX_ITEM_STATUS_ID ON TB_QUEUE_ITEM (STATUS, ID);
