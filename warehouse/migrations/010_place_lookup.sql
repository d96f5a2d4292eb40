-- 010 (checks and analyst views): lookup tables the views join on.
--
-- province_2025_map: every province of before 1 July 2025 (and a few other
-- spellings) with the province it belongs to since then (Nghị quyết
-- 202/2025/QH15: 63 provinces became 34).  Keys are tdkt_key(name)
-- (warehouse/views/00_macros.sql): folded, prefix removed, letters and digits only.
--
-- place_lookup: districts, communes and clusters named in the documents and
-- facts, each spelling's key with one canonical name and its provinces; rewritten
-- by `tdkt check` (pipeline/checks/places.py) from the gazetteer.

CREATE TABLE province_2025_map (
    province_key   VARCHAR PRIMARY KEY,
    province       VARCHAR,
    province_2025  VARCHAR
);

INSERT INTO province_2025_map VALUES
    ('angiang', 'An Giang', 'An Giang'),
    ('bacgiang', 'Bắc Giang', 'Bắc Ninh'),
    ('backan', 'Bắc Kạn', 'Thái Nguyên'),
    ('baclieu', 'Bạc Liêu', 'Cà Mau'),
    ('bacninh', 'Bắc Ninh', 'Bắc Ninh'),
    ('bariavungtau', 'Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'),
    ('bentre', 'Bến Tre', 'Vĩnh Long'),
    ('binhdinh', 'Bình Định', 'Gia Lai'),
    ('binhduong', 'Bình Dương', 'Hồ Chí Minh'),
    ('binhphuoc', 'Bình Phước', 'Đồng Nai'),
    ('binhthuan', 'Bình Thuận', 'Lâm Đồng'),
    ('camau', 'Cà Mau', 'Cà Mau'),
    ('cantho', 'Cần Thơ', 'Cần Thơ'),
    ('caobang', 'Cao Bằng', 'Cao Bằng'),
    ('daklak', 'Đắk Lắk', 'Đắk Lắk'),
    ('daknong', 'Đắk Nông', 'Lâm Đồng'),
    ('danang', 'Đà Nẵng', 'Đà Nẵng'),
    ('dienbien', 'Điện Biên', 'Điện Biên'),
    ('dongnai', 'Đồng Nai', 'Đồng Nai'),
    ('dongthap', 'Đồng Tháp', 'Đồng Tháp'),
    ('gialai', 'Gia Lai', 'Gia Lai'),
    ('hagiang', 'Hà Giang', 'Tuyên Quang'),
    ('haiduong', 'Hải Dương', 'Hải Phòng'),
    ('haiphong', 'Hải Phòng', 'Hải Phòng'),
    ('hanam', 'Hà Nam', 'Ninh Bình'),
    ('hanoi', 'Hà Nội', 'Hà Nội'),
    ('hatinh', 'Hà Tĩnh', 'Hà Tĩnh'),
    ('haugiang', 'Hậu Giang', 'Cần Thơ'),
    ('hoabinh', 'Hòa Bình', 'Phú Thọ'),
    ('hochiminh', 'Hồ Chí Minh', 'Hồ Chí Minh'),
    ('hue', 'Huế', 'Huế'),
    ('hungyen', 'Hưng Yên', 'Hưng Yên'),
    ('khanhhoa', 'Khánh Hòa', 'Khánh Hòa'),
    ('kiengiang', 'Kiên Giang', 'An Giang'),
    ('kontum', 'Kon Tum', 'Quảng Ngãi'),
    ('laichau', 'Lai Châu', 'Lai Châu'),
    ('lamdong', 'Lâm Đồng', 'Lâm Đồng'),
    ('langson', 'Lạng Sơn', 'Lạng Sơn'),
    ('laocai', 'Lào Cai', 'Lào Cai'),
    ('longan', 'Long An', 'Tây Ninh'),
    ('namdinh', 'Nam Định', 'Ninh Bình'),
    ('nghean', 'Nghệ An', 'Nghệ An'),
    ('ninhbinh', 'Ninh Bình', 'Ninh Bình'),
    ('ninhthuan', 'Ninh Thuận', 'Khánh Hòa'),
    ('phutho', 'Phú Thọ', 'Phú Thọ'),
    ('phuyen', 'Phú Yên', 'Đắk Lắk'),
    ('quangbinh', 'Quảng Bình', 'Quảng Trị'),
    ('quangnam', 'Quảng Nam', 'Đà Nẵng'),
    ('quangngai', 'Quảng Ngãi', 'Quảng Ngãi'),
    ('quangninh', 'Quảng Ninh', 'Quảng Ninh'),
    ('quangtri', 'Quảng Trị', 'Quảng Trị'),
    ('soctrang', 'Sóc Trăng', 'Cần Thơ'),
    ('sonla', 'Sơn La', 'Sơn La'),
    ('tayninh', 'Tây Ninh', 'Tây Ninh'),
    ('thaibinh', 'Thái Bình', 'Hưng Yên'),
    ('thainguyen', 'Thái Nguyên', 'Thái Nguyên'),
    ('thanhhoa', 'Thanh Hóa', 'Thanh Hóa'),
    ('thuathienhue', 'Thừa Thiên Huế', 'Huế'),
    ('tiengiang', 'Tiền Giang', 'Đồng Tháp'),
    ('travinh', 'Trà Vinh', 'Vĩnh Long'),
    ('tuyenquang', 'Tuyên Quang', 'Tuyên Quang'),
    ('vinhlong', 'Vĩnh Long', 'Vĩnh Long'),
    ('vinhphuc', 'Vĩnh Phúc', 'Phú Thọ'),
    ('yenbai', 'Yên Bái', 'Lào Cai');

CREATE TABLE place_lookup (
    name_key       VARCHAR,      -- tdkt_key() of a spelling
    level          VARCHAR,      -- province, district, commune, cluster
    province_key   VARCHAR,      -- tdkt_key() of the (legacy) province it is in, '' when unknown
    name           VARCHAR,      -- canonical short name: Trùng Khánh
    district       VARCHAR,      -- communes: the district they were in
    province       VARCHAR,      -- legacy province
    province_2025  VARCHAR,      -- province since 1 July 2025
    source         VARCHAR,      -- gazetteer, document
    PRIMARY KEY (name_key, level, province_key)
);
