-- Insert the current vocabulary's labels, distinct, for known skills only.
-- Upstream: _labels (registered Arrow table: skill_id, label, label_kind), skills.
insert into skill_labels (skill_id, label, label_kind)
select distinct l.skill_id, l.label, l.label_kind
from _labels as l
inner join skills as s on l.skill_id = s.skill_id
where l.label is not null and l.label_kind is not null;
