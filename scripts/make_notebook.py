"""Writes notebooks/phan_tich_kho_du_lieu.ipynb (the analyst notebook) from the cells below; run it after editing them."""
import nbformat as nbf
nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
nb.cells = [
md("""# Phân tích kho dữ liệu thi đua, khen thưởng

Sổ tay này dành cho chuyên viên Ban Thi đua - Khen thưởng: xếp hạng các huyện, xem tỷ lệ hộ nghèo và nông thôn mới qua các năm, đọc các phát hiện (mâu thuẫn, sai tỷ lệ …) cùng câu gốc trong văn bản, và xuất ra Excel.

Kho dữ liệu mặc định là `warehouse/tdkt.duckdb` (lệnh đầu tiên trong README: `tdkt nightly corpus/`). Nếu chưa có, ô dưới đây tự đọc thư mục `corpus/` để tạo kho. Đặt biến môi trường `TDKT_DB` để dùng kho khác."""),
code("""import os
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path.cwd() if (Path.cwd() / "corpus").is_dir() else Path.cwd().parent
DB = Path(os.environ.get("TDKT_DB") or ROOT / "warehouse" / "tdkt.duckdb")
if not DB.exists():
    from warehouse import connect
    from pipeline.ingest import ingest
    from pipeline.checks import run_checks
    con = connect(DB)
    ingest([ROOT / "corpus"], con)
    run_checks(con)
    con.close()
con = duckdb.connect(str(DB), read_only=True)
pd.set_option("display.max_colwidth", 120)
print("kho dữ liệu:", DB)
con.sql("SELECT count(*) AS so_bao_cao, sum(n_files) AS so_tep FROM v_reports").df()"""),
md("""## 1. Xếp hạng các huyện

Mỗi báo cáo được tính một lần dù nhận được nhiều tệp (.txt, .docx, .pdf, .doc). Khen thưởng không gồm danh hiệu Gia đình văn hóa, Thôn văn hóa (tính riêng ở cột `culture_households`). Chỉ số so sánh: số khen thưởng (trừ Lao động tiên tiến) trên 1.000 Lao động tiên tiến, và tỷ lệ Chiến sĩ thi đua cơ sở trên Lao động tiên tiến."""),
code("""bang_diem = con.sql(\"\"\"
    SELECT district AS huyen, period AS ky, awards_total AS khen_thuong, lao_dong_tien_tien AS ldtt,
           chien_si_thi_dua_co_so AS cstdcs, culture_households AS ho_gdvh,
           merit_awards_per_1000_ldtt AS kt_tren_1000_ldtt, cstd_pct_of_ldtt AS cstd_phan_tram_ldtt,
           n_reports AS so_bao_cao, findings_error AS loi, findings_warning AS canh_bao
    FROM v_district_scorecard
    WHERE awards_total IS NOT NULL
    ORDER BY ky, kt_tren_1000_ldtt DESC NULLS LAST
\"\"\").df()
bang_diem"""),
code("""xep_hang = con.sql(\"\"\"
    SELECT period AS ky, rank_best AS hang, district AS huyen, normalized AS chi_so, province_mean AS tb_tinh
    FROM v_compare WHERE metric = 'cstd_pct_of_ldtt' ORDER BY ky, hang
\"\"\").df()
xep_hang"""),
md("""## 2. Giảm nghèo và nông thôn mới qua các năm

Mỗi con số lấy từ báo cáo về đúng năm đó (`source_role = 'primary'`); báo cáo năm sau nhắc lại số cũ chỉ là nguồn phụ. Cột `poor_rate_disagree` cho biết bao nhiêu báo cáo khác ghi số khác, `source_path` là tệp của con số được hiển thị."""),
code("""ngheo = con.sql(\"\"\"
    SELECT district AS huyen, year AS nam, poor_rate AS ty_le_ho_ngheo, poor_households AS so_ho_ngheo,
           poor_rate_source AS nguon, poor_rate_disagree AS so_bc_khac, source_path AS tep
    FROM v_poverty WHERE unit_level = 'district' AND year IS NOT NULL ORDER BY huyen, nam
\"\"\").df()
ntm = con.sql(\"\"\"
    SELECT district AS huyen, year AS nam, communes_standard AS xa_dat_chuan, communes_total AS tong_so_xa,
           avg_criteria AS tieu_chi_binh_quan, source_path AS tep
    FROM v_ntm WHERE unit_level = 'district' AND year IS NOT NULL ORDER BY huyen, nam
\"\"\").df()
ngheo"""),
code("""%matplotlib inline
import matplotlib.pyplot as plt

fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 3.8))
for huyen, g in ngheo.dropna(subset=["ty_le_ho_ngheo"]).groupby("huyen"):
    a1.plot(g["nam"], g["ty_le_ho_ngheo"], marker="o", label=huyen)
a1.set_title("Tỷ lệ hộ nghèo (%)"); a1.set_xlabel("năm"); a1.legend(); a1.grid(alpha=.3)
ntm_pct = ntm.dropna(subset=["xa_dat_chuan", "tong_so_xa"])
for huyen, g in ntm_pct.groupby("huyen"):
    a2.plot(g["nam"], 100 * g["xa_dat_chuan"] / g["tong_so_xa"], marker="o", label=huyen)
if ntm_pct.empty:
    ntm_all = ntm.dropna(subset=["tieu_chi_binh_quan"])
    for huyen, g in ntm_all.groupby("huyen"):
        a2.plot(g["nam"], g["tieu_chi_binh_quan"], marker="s", label=huyen)
    a2.set_title("Nông thôn mới: tiêu chí bình quân/xã")
else:
    a2.set_title("Nông thôn mới: % số xã đạt chuẩn")
a2.set_xlabel("năm"); a2.grid(alpha=.3)
if a2.get_legend_handles_labels()[0]:
    a2.legend()
fig.tight_layout()
plt.show()"""),
md("""## 3. Phát hiện theo loại kiểm tra, kèm câu gốc

Các phát hiện đã được đánh dấu báo động giả (`verdict = 'false_alarm'`) không được tính. Cột `source_texts` là câu (hoặc dòng bảng) chứa số liệu."""),
code("""theo_loai = con.sql(\"\"\"
    SELECT check_code AS loai_kiem_tra, severity AS muc_do, count(*) AS so_phat_hien
    FROM v_findings WHERE verdict IS DISTINCT FROM 'false_alarm' AND severity <> 'info'
    GROUP BY ALL ORDER BY so_phat_hien DESC
\"\"\").df()
theo_loai"""),
code("""chi_tiet = con.sql(\"\"\"
    SELECT check_code AS loai, severity AS muc_do, path AS tep, message AS noi_dung, source_texts AS cau_goc,
           verdict, ghi_chu, finding_id
    FROM v_findings WHERE verdict IS DISTINCT FROM 'false_alarm' AND severity <> 'info'
    ORDER BY muc_do, loai
\"\"\").df()
for _, r in chi_tiet.head(5).iterrows():
    print(f"[{r.muc_do}] {r.loai} — {Path(r.tep).name}")
    cau_goc = list(r.cau_goc) if hasattr(r.cau_goc, "__iter__") and not isinstance(r.cau_goc, str) else []
    for cau in cau_goc[:2]:
        print("    câu gốc:", cau[:160])
chi_tiet.head(10)"""),
md("""## 4. Xuất ra Excel

Tệp `.xlsx` có dòng tiêu đề cố định, bộ lọc, độ rộng cột hợp lý, ngày tháng thật. Bảng phát hiện có cột `verdict` (confirmed / false_alarm) và `ghi_chu`: điền rồi nhập lại bằng `tdkt review import phat_hien.xlsx` — đánh giá được giữ qua mọi lần chạy lại.

Dòng lệnh tương đương: `tdkt export findings --format xlsx --out phat_hien.xlsx`."""),
code("""from warehouse.export import write_xlsx

OUT = Path(os.environ.get("TDKT_OUT") or ROOT / "notebooks" / "out")
OUT.mkdir(parents=True, exist_ok=True)
canh_bao = write_xlsx(bang_diem, OUT / "bang_diem_huyen.xlsx", sheet="bang_diem")
canh_bao += write_xlsx(chi_tiet, OUT / "phat_hien.xlsx", sheet="phat_hien", review=True)
print("đã ghi:", sorted(p.name for p in OUT.glob("*.xlsx")), canh_bao or "")
pd.read_excel(OUT / "bang_diem_huyen.xlsx").head()"""),
]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/phan_tich_kho_du_lieu.ipynb")
