-- Issue 3: the content hashes of each part of its own, in one value: 16 bytes per record, sorted. A large batch is
-- compared with the earlier records of its category in the importer's memory; reading their hashes from the parts'
-- indexes cost about 0.2 µs of the server's CPU and as much of the importer's per earlier record (over two seconds
-- for six million, growing with every batch), reading them as one value per part costs a copy of 16 MB per million.
-- Written in the transaction that attaches the part; a part without a row here (attached before V21) is read from
-- its index. Stored uncompressed (random bytes do not compress) and out of line.
create table department_record_hashes (
    part     bigint primary key,
    category varchar(64) not null,
    hashes   bytea       not null
);
alter table department_record_hashes alter column hashes set storage external;

-- the parts attached before: their hashes gathered once, in order
insert into department_record_hashes (part, category, hashes)
select part, min(category), string_agg(row_hash, ''::bytea order by row_hash)
from department_record
where part <> 0
group by part
having count(distinct category) = 1;
