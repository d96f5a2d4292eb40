-- 011: where a fact's period came from, and the part of the population it is about.
-- period_source: clause, sentence, paragraph, lead_in, heading, title, event_date, snapshot,
-- attached, after, inherited, rewarded, table, document, dateline (docs/RULES.md, "The frame").
-- scope: what the figure is restricted to, as written ("hộ đồng bào dân tộc thiểu số",
-- "60 huyện nghèo"); NULL means the whole population of the subject.
ALTER TABLE facts ADD COLUMN period_source VARCHAR;
ALTER TABLE facts ADD COLUMN scope VARCHAR;
