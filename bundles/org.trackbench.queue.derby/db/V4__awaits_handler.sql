-- Schema version 4: an item whose type has no handler installed is marked as waiting for one, and released when a
-- handler of its type arrives. Items waiting under version 3, known then only by their last error, are marked too.
ALTER TABLE TB_QUEUE_ITEM ADD COLUMN AWAITS_HANDLER BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE TB_QUEUE_ITEM SET AWAITS_HANDLER = TRUE
    WHERE STATUS = 'pending' AND LAST_ERROR LIKE 'no handler installed for entity type %';
