-- Schema version 10: IX_ITEM_DUE (STATUS, NEXT_ATTEMPT_AT) served no statement (claims go by IX_ITEM_STATUS_ID, in
-- id order) yet was kept up to date on every enqueue and every status change.
DROP INDEX IX_ITEM_DUE;
