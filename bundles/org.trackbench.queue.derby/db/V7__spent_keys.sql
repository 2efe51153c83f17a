-- Schema version 7: whether the server refused an item, so that its idempotency key is spent (the server keeps the
-- refusal for that key) and a repaired payload is sent under a new key. The sync of version 6 failed an item either
-- on a refusal or after spending its retries, whose message alone says so; those stay unknown and keep their key.
ALTER TABLE TB_QUEUE_ITEM ADD COLUMN KEY_SPENT BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE TB_QUEUE_ITEM SET KEY_SPENT = TRUE WHERE STATUS = 'failed' AND LAST_ERROR NOT LIKE 'gave up after %';
