-- Macros the analyst views use (recreated on every warehouse.connect).

-- The key a place name is compared by: lower case, prefix removed (huyện, H.,
-- thị xã, TP., xã, ...), diacritics removed, letters and digits only:
-- 'huyện Trùng Khánh', 'Trùng Khánh', 'H. Trùng Khánh' -> 'trungkhanh'.
-- Same as rules.gazetteer.name_key.
CREATE OR REPLACE MACRO tdkt_key(s) AS
    regexp_replace(strip_accents(replace(regexp_replace(lower(trim(s)),
        '^(thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|đặc khu|tp\.|tx\.|tt\.|tp|tx|h\.|q\.|p\.)\s*', ''),
        'đ', 'd')), '[^0-9a-z]+', '', 'g');

-- A place name without its prefix, as written: 'H. Trùng Khánh' -> 'Trùng Khánh'.
CREATE OR REPLACE MACRO tdkt_strip_prefix(s) AS
    trim(regexp_replace(trim(s),
        '^(thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|đặc khu|tp\.|tx\.|tt\.|tp|tx|h\.|q\.|p\.)\s*', '',
        'i'));

-- The calendar year of a period: '2022', '2023-H1', '2023-Q3' -> the year;
-- a multi-year period ('2015-2020') -> NULL.
CREATE OR REPLACE MACRO tdkt_year(p) AS
    CASE WHEN regexp_matches(coalesce(p, ''), '^\d{4}(-(H[12]|Q[1-4]))?$') THEN CAST(substr(p, 1, 4) AS INTEGER) END;

-- What a document reports on, from its issuer: a cluster (Cụm / Khối thi đua),
-- a commune (UBND xã ...), a province (UBND tỉnh, Sở Nội vụ ...), a district (its
-- government, council, emulation board, home-affairs office), else the issuing
-- body itself ('unit': a department, a school — its figures are its own).
CREATE OR REPLACE MACRO tdkt_doc_level(issuer, district, province) AS
    CASE WHEN regexp_matches(lower(coalesce(issuer, '')), '(cụm|khối)\s+thi\s+đua') THEN 'cluster'
         WHEN regexp_matches(lower(coalesce(issuer, '')),
              '(ubnd|ủy ban nhân dân|uỷ ban nhân dân|đảng ủy|đảng uỷ|hđnd|hội đồng nhân dân)\s+(xã|phường|thị trấn)\s')
              THEN 'commune'
         WHEN issuer IS NOT NULL AND NOT regexp_matches(strip_accents(replace(lower(issuer), 'đ', 'd')),
              '^(tm\.?\s*)?(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|huyen uy|thanh uy|thi uy|tinh uy|dang uy|'
              || 'ban thuong vu|hoi dong thi dua|hd ?td-?kt|hdtdkt|phong noi vu|ban thi dua|so noi vu)')
              THEN 'unit'
         WHEN regexp_matches(lower(coalesce(issuer, '')), '\btỉnh\b')
              AND NOT regexp_matches(lower(coalesce(issuer, '')), '\b(huyện|quận|thị xã|thành phố)\b') THEN 'province'
         WHEN district IS NOT NULL THEN 'district'
         WHEN province IS NOT NULL THEN 'province'
         ELSE 'unit' END;

-- The level of a place written with its prefix (a corrected subject): 'xã Quang
-- Hán' -> commune, 'huyện Hà Quảng' -> district, else NULL.
CREATE OR REPLACE MACRO tdkt_place_level(s) AS
    CASE WHEN regexp_matches(lower(trim(s)), '^(xã|phường|thị trấn)\s') THEN 'commune'
         WHEN regexp_matches(lower(trim(s)), '^(huyện|quận|thị xã|thành phố|h\.|tp\.?|tx\.?)\s') THEN 'district'
         WHEN regexp_matches(lower(trim(s)), '^tỉnh\s') THEN 'province' END;

-- Cultural titles of households, villages and agencies (Gia đình văn hóa, Thôn
-- văn hóa, Cơ quan văn hóa): counted apart from commendations, never added to them.
CREATE OR REPLACE MACRO tdkt_culture_title(award) AS
    coalesce(award IN ('gia_dinh_van_hoa', 'thon_van_hoa', 'co_quan_van_hoa'), false);
