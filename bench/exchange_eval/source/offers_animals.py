"""Offers: livestock, veterinary medicine, aquaculture (402, 403, 405)."""

from . import offer

NIAS = "Viện Chăn nuôi"
NIVR = "Viện Thú y"
VNUA_AH = "Khoa Chăn nuôi, Học viện Nông nghiệp Việt Nam"
VNUA_VET = "Khoa Thú y, Học viện Nông nghiệp Việt Nam"
VNUA_FISH = "Khoa Thủy sản, Học viện Nông nghiệp Việt Nam"
RIA1 = "Viện Nghiên cứu Nuôi trồng thủy sản I"
IBT = "Viện Công nghệ sinh học, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
IMBT = "Viện Vi sinh vật và Công nghệ sinh học, Đại học Quốc gia Hà Nội"

OFFERS = [
    # --- livestock (402) ---
    offer(
        "CN01",
        "402",
        NIAS,
        "Đệm lót sinh học cho chăn nuôi lợn và gà thịt",
        "Nền chuồng làm bằng trấu, mùn cưa ủ với men vi sinh, phân giải phân và nước tiểu ngay tại chỗ. Không phải rửa "
        "chuồng, giảm mùi hôi và ruồi, tiết kiệm 80% nước. Phù hợp trang trại và gia trại ven khu dân cư.",
        "đệm lót sinh học; men vi sinh; chăn nuôi lợn; gà thịt; giảm mùi",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "CN02",
        "402",
        VNUA_AH,
        "Thức ăn lên men lỏng cho lợn từ phụ phẩm nông nghiệp và men vi sinh",
        "Phối trộn cám gạo, bã bia, bã đậu với chủng Lactobacillus và nấm men, lên men 48 giờ thành thức ăn lỏng. Tăng "
        "tiêu hóa, giảm tiêu chảy lợn con, giảm 10-15% chi phí thức ăn.",
        "thức ăn lên men; thức ăn chăn nuôi; lợn; Lactobacillus; phụ phẩm",
        8,
        "none",
        "training licence",
    ),
    offer(
        "CN03",
        "402",
        NIAS,
        "Ủ chua thân cây ngô và cỏ voi làm thức ăn dự trữ cho bò",
        "Quy trình ủ chua trong bao hoặc hầm, bổ sung rỉ mật và men, bảo quản 6 tháng. Giải quyết thiếu thức ăn xanh "
        "vụ đông cho bò sữa và bò thịt.",
        "ủ chua; thức ăn xanh; thân cây ngô; cỏ voi; bò sữa",
        9,
        "none",
        "training",
    ),
    offer(
        "CN04",
        "402",
        "Công ty TNHH Công nghệ Sinh học Côn trùng Việt",
        "Nuôi ruồi lính đen xử lý phụ phẩm hữu cơ làm thức ăn giàu đạm cho gia cầm, cá",
        "Ấu trùng ruồi lính đen ăn bã đậu, rau quả hỏng, phụ phẩm lò mổ; sau 12 ngày thu sinh khối chứa 40% đạm làm "
        "thức ăn gà, cá, phân còn lại là phân bón hữu cơ. Chuyển giao trọn gói trại nuôi.",
        "ruồi lính đen; đạm côn trùng; thức ăn gia cầm; xử lý phụ phẩm hữu cơ",
        8,
        "secret",
        "licence training",
    ),
    offer(
        "CN05",
        "402",
        NIAS,
        "Giống gà Mía và gà lai lông màu thả vườn năng suất cao",
        "Cung cấp gà bố mẹ và quy trình nuôi gà Mía lai thả vườn thịt thơm ngon, tỷ lệ nuôi sống trên 95%. Hỗ trợ xây "
        "dựng chuỗi liên kết và nhãn hiệu tập thể.",
        "gà Mía; gà thả vườn; gà lông màu; giống gia cầm",
        9,
        "none",
        "licence training",
    ),
    offer(
        "CN06",
        "402",
        "Trung tâm Nghiên cứu Bò và Đồng cỏ Ba Vì, Viện Chăn nuôi",
        "Thụ tinh nhân tạo bằng tinh phân biệt giới tính cho bò sữa",
        "Sử dụng tinh bò sữa phân ly giới tính cho tỷ lệ bê cái trên 85%, kèm quy trình đồng pha động dục. Tăng nhanh "
        "đàn bò sữa cái cho trang trại.",
        "thụ tinh nhân tạo; tinh phân biệt giới tính; bò sữa; bê cái",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "CN07",
        "402",
        VNUA_AH,
        "Bổ sung probiotic và thảo dược thay kháng sinh trong thức ăn gà thịt",
        "Hỗn hợp Bacillus subtilis, men bia và bột tỏi, gừng thay kháng sinh kích thích sinh trưởng, giảm bệnh đường "
        "ruột. Đáp ứng lộ trình cấm kháng sinh trong thức ăn chăn nuôi.",
        "probiotic; thảo dược; thay thế kháng sinh; gà thịt; thức ăn chăn nuôi",
        8,
        "none",
        "licence training",
    ),
    offer(
        "CN08",
        "202",
        "Trường Điện - Điện tử, Đại học Bách khoa Hà Nội",
        "Hệ thống giám sát và điều khiển chuồng nuôi gà tự động (nhiệt độ, độ ẩm, khí NH3)",
        "Tủ điều khiển và cảm biến đo nhiệt độ, độ ẩm, NH3 trong chuồng kín, tự động điều khiển quạt, giàn mát, đèn "
        "và báo động qua điện thoại. Lắp đặt cho chuồng 5.000-20.000 gà.",
        "chuồng kín; điều khiển tự động; cảm biến NH3; chăn nuôi gà; giám sát từ xa",
        8,
        "other",
        "licence consulting",
    ),
    offer(
        "CN09",
        "402",
        "Trung tâm Nghiên cứu Dê và Thỏ Sơn Tây, Viện Chăn nuôi",
        "Giống dê lai Boer và quy trình nuôi dê thịt bán chăn thả",
        "Dê lai Boer tăng trọng nhanh, thích nghi vùng đồi gò. Quy trình trồng cỏ, chuồng sàn và phòng bệnh cho hộ "
        "nuôi 20-100 con.",
        "dê lai Boer; dê thịt; chăn nuôi vùng đồi; bán chăn thả",
        9,
        "none",
        "training",
    ),
    offer(
        "CN10",
        "402",
        NIAS,
        "Máy ép viên thức ăn chăn nuôi quy mô nông hộ từ nguyên liệu địa phương",
        "Máy ép viên 200-300 kg/giờ kèm công thức phối trộn ngô, sắn, cám, bột đậu tương cho lợn, gà, cá. Giảm phụ "
        "thuộc thức ăn công nghiệp.",
        "máy ép viên; thức ăn chăn nuôi; phối trộn; nông hộ",
        9,
        "none",
        "licence training",
    ),
    offer(
        "CN11",
        "402",
        "Trung tâm Nghiên cứu Ong, Viện Chăn nuôi",
        "Nuôi ong nội lấy mật và sản xuất sữa ong chúa theo hướng hữu cơ",
        "Quy trình chia đàn, phòng bệnh ấu trùng, khai thác mật chín và sữa ong chúa đạt tiêu chuẩn xuất khẩu. Phù hợp "
        "vùng trồng nhãn, vải, keo.",
        "nuôi ong; mật ong; sữa ong chúa; ong nội",
        9,
        "none",
        "training",
    ),
    # --- veterinary (403) ---
    offer(
        "TY01",
        "403",
        NIVR,
        "Vắc xin vô hoạt phòng bệnh tai xanh (PRRS) cho lợn chủng phân lập trong nước",
        "Vắc xin chế từ chủng virus PRRS độc lực cao phân lập tại Việt Nam, bảo hộ trên 85% sau hai liều. Đã hoàn thành "
        "khảo nghiệm, tìm doanh nghiệp nhận chuyển giao sản xuất công nghiệp.",
        "vắc xin; tai xanh; PRRS; lợn; bệnh truyền nhiễm",
        7,
        "patent_pending",
        "licence assignment",
    ),
    offer(
        "TY02",
        "403",
        VNUA_VET,
        "Bộ kit chẩn đoán nhanh bệnh dịch tả lợn châu Phi tại trang trại",
        "Que thử sắc ký miễn dịch phát hiện kháng nguyên virus ASF từ máu lợn trong 15 phút, độ nhạy 92%. Hỗ trợ phát "
        "hiện sớm và khoanh vùng ổ dịch.",
        "dịch tả lợn châu Phi; ASF; kit chẩn đoán nhanh; que thử; sắc ký miễn dịch",
        7,
        "patent_pending",
        "licence joint_venture",
    ),
    offer(
        "TY03",
        "403",
        NIVR,
        "Vắc xin nhược độc phòng bệnh Newcastle và Gumboro cho gà",
        "Vắc xin dạng đông khô nhỏ mắt, uống; giá thấp hơn vắc xin nhập khẩu 30%. Sản xuất trên trứng gà có phôi sạch "
        "bệnh đặc biệt (SPF).",
        "vắc xin gia cầm; Newcastle; Gumboro; gà",
        9,
        "none",
        "licence",
    ),
    offer(
        "TY04",
        "403",
        VNUA_VET,
        "Dịch vụ xét nghiệm PCR và giám sát dịch bệnh cho trang trại chăn nuôi",
        "Phòng thí nghiệm đạt ISO 17025 nhận mẫu và trả kết quả PCR trong 24 giờ cho các bệnh ASF, PRRS, cúm gia cầm, "
        "lở mồm long móng. Lập kế hoạch an toàn sinh học cho trang trại.",
        "xét nghiệm PCR; giám sát dịch bệnh; an toàn sinh học; trang trại",
        9,
        "none",
        "consulting",
    ),
    offer(
        "TY05",
        "403",
        "Công ty CP Thuốc thú y Đông Đô",
        "Thuốc sát trùng chuồng trại thế hệ mới từ peroxide và axit hữu cơ",
        "Dung dịch sát trùng phổ rộng diệt virus ASF, cúm gia cầm, vi khuẩn và nấm, an toàn khi phun có vật nuôi. Phân "
        "hủy sinh học, không để lại tồn dư.",
        "thuốc sát trùng; sát trùng chuồng trại; tiêu độc; ASF",
        9,
        "secret",
        "licence",
    ),
    offer(
        "TY06",
        "403",
        IBT,
        "Vắc xin tiểu đơn vị tái tổ hợp phòng dịch tả lợn châu Phi (giai đoạn tiền lâm sàng)",
        "Kháng nguyên tái tổ hợp biểu hiện trên hệ tế bào côn trùng, đáp ứng miễn dịch tốt trên lợn thí nghiệm. Chưa "
        "thử nghiệm thực địa, cần đối tác đầu tư phát triển tiếp.",
        "vắc xin tái tổ hợp; dịch tả lợn châu Phi; tiền lâm sàng; kháng nguyên",
        4,
        "patent_pending",
        "joint_venture",
    ),
    offer(
        "TY07",
        "403",
        VNUA_VET,
        "Chế phẩm thảo dược phòng trị tiêu chảy cho lợn con và bê nghé",
        "Cao chiết từ lá ổi, mơ lông và hoàng liên, dạng bột hòa nước uống, giảm 60% ca tiêu chảy không dùng kháng "
        "sinh.",
        "thảo dược thú y; tiêu chảy lợn con; không kháng sinh; lá ổi",
        8,
        "utility_solution",
        "licence",
    ),
    # --- aquaculture (405) ---
    offer(
        "TS01",
        "405",
        RIA1,
        "Hệ thống nuôi cá tuần hoàn nước (RAS) trong nhà quy mô thương mại",
        "Bể nuôi composite, lọc cơ học, lọc sinh học và khử trùng UV, tuần hoàn 95% nước. Nuôi cá lăng, cá chình, cá "
        "trắm giòn mật độ cao, không phụ thuộc nguồn nước và thời tiết.",
        "nuôi cá tuần hoàn; RAS; lọc sinh học; nuôi trong nhà; mật độ cao",
        8,
        "secret",
        "licence consulting",
        "Bắc Ninh",
    ),
    offer(
        "TS02",
        "405",
        VNUA_FISH,
        "Nuôi tôm thẻ chân trắng trong nước lợ và nước ngọt hóa theo công nghệ biofloc",
        "Quy trình tạo và duy trì biofloc bằng nguồn carbon rỉ mật, hạn chế thay nước, tận dụng floc làm thức ăn. Đã "
        "nuôi thử nghiệm ở ao lót bạt vùng nội đồng.",
        "biofloc; tôm thẻ chân trắng; ao lót bạt; nuôi tôm nước ngọt hóa",
        7,
        "none",
        "training consulting",
    ),
    offer(
        "TS03",
        "405",
        RIA1,
        "Sản xuất giống cá rô phi đơn tính dòng GIFT chịu lạnh",
        "Cá rô phi dòng chọn lọc sinh trưởng nhanh, chịu rét tốt cho miền Bắc; tạo cá đơn tính đực bằng hormone an "
        "toàn. Cung cấp cá bố mẹ và quy trình ương.",
        "cá rô phi đơn tính; GIFT; giống cá; chịu lạnh",
        9,
        "none",
        "licence training",
        "Bắc Ninh",
    ),
    offer(
        "TS04",
        "405",
        RIA1,
        "Sinh sản nhân tạo cá lăng chấm, cá chiên và cá bỗng",
        "Quy trình nuôi vỗ cá bố mẹ, kích thích sinh sản và ương cá bột lên cá giống các loài cá đặc sản sông. Tỷ lệ "
        "sống giai đoạn ương đạt 40%.",
        "cá lăng chấm; cá chiên; cá bỗng; sinh sản nhân tạo; cá đặc sản",
        8,
        "none",
        "training licence",
        "Bắc Ninh",
    ),
    offer(
        "TS05",
        "405",
        IMBT,
        "Chế phẩm vi sinh xử lý đáy ao và phòng bệnh cho ao nuôi tôm, cá",
        "Hỗn hợp Bacillus, Lactobacillus và vi khuẩn nitrat hóa phân hủy chất thải đáy ao, ổn định môi trường, giảm "
        "khí độc NH3, H2S. Dùng định kỳ 7-10 ngày.",
        "vi sinh xử lý đáy ao; ao nuôi tôm cá; NH3; H2S; môi trường ao nuôi",
        9,
        "none",
        "licence",
    ),
    offer(
        "TS06",
        "405",
        VNUA_FISH,
        "Mô hình aquaponics kết hợp nuôi cá và trồng rau tuần hoàn",
        "Nước từ bể cá chảy qua luống trồng rau trên giá thể đất nung, rau hấp thu dinh dưỡng và làm sạch nước cho cá. "
        "Phù hợp nông nghiệp đô thị, trường học và du lịch trải nghiệm.",
        "aquaponics; cá rau tuần hoàn; nông nghiệp đô thị; du lịch trải nghiệm",
        8,
        "none",
        "training",
    ),
    offer(
        "TS07",
        "405",
        "Công ty CP Thức ăn Thủy sản Hồng Hà",
        "Thức ăn viên nổi cho cá nước ngọt từ nguyên liệu trong nước",
        "Công thức thức ăn nổi 28-35% đạm dùng bột đậu tương, bột cá trong nước và đạm côn trùng, hệ số thức ăn 1,3-1,5 "
        "cho cá rô phi, cá trắm. Chuyển giao công thức và quy trình ép đùn.",
        "thức ăn thủy sản; thức ăn viên nổi; cá nước ngọt; ép đùn",
        9,
        "secret",
        "licence",
    ),
    offer(
        "TS08",
        "202",
        "Trường Đại học Công nghệ, Đại học Quốc gia Hà Nội",
        "Thiết bị đo và cảnh báo oxy hòa tan, pH ao nuôi thủy sản qua điện thoại",
        "Phao cảm biến đo oxy hòa tan, pH, nhiệt độ, tự bật máy sục khí khi oxy thấp và gửi cảnh báo SMS. Pin năng "
        "lượng mặt trời, dùng được cho ao đất và ao lót bạt.",
        "oxy hòa tan; cảm biến pH; ao nuôi thủy sản; cảnh báo SMS; sục khí tự động",
        8,
        "other",
        "licence",
    ),
    offer(
        "TS09",
        "405",
        VNUA_FISH,
        "Nuôi cá trắm giòn bằng thức ăn đậu tằm",
        "Chuyển cá trắm cỏ thương phẩm sang ăn hạt đậu tằm ngâm trong 90-120 ngày làm thịt cá giòn, giá bán cao gấp "
        "đôi. Kèm quy trình phòng bệnh trong lồng và ao.",
        "cá trắm giòn; đậu tằm; cá đặc sản; nuôi lồng",
        9,
        "none",
        "training",
    ),
    offer(
        "TS10",
        "405",
        "Viện Nghiên cứu Hải sản",
        "Lồng nuôi cá biển bằng vật liệu HDPE chịu sóng gió",
        "Lồng tròn HDPE đường kính 10-20 m chịu sóng cấp 9, dùng nuôi cá giò, cá vược ngoài khơi. Tuổi thọ 15 năm.",
        "lồng nuôi cá biển; HDPE; nuôi biển; cá giò",
        8,
        "utility_solution",
        "licence",
        "Quảng Ninh",
    ),
    offer(
        "TS11",
        "405",
        RIA1,
        "Vacxin phòng bệnh xuất huyết do Streptococcus cho cá rô phi",
        "Vacxin vô hoạt dạng ngâm và tiêm cho cá rô phi giống, giảm tỷ lệ chết do liên cầu khuẩn mùa nắng nóng. Đã khảo "
        "nghiệm tại ao nuôi thương phẩm.",
        "vacxin cá; Streptococcus; rô phi; bệnh xuất huyết; liên cầu khuẩn",
        7,
        "none",
        "licence",
        "Bắc Ninh",
    ),
    offer(
        "TS12",
        "405",
        VNUA_FISH,
        "Kỹ thuật nuôi ốc nhồi và lươn không bùn trong bể xi măng",
        "Nuôi lươn trong bể có giá thể không bùn, ốc nhồi trong bể bạt, thức ăn tự phối trộn. Vốn đầu tư thấp, phù hợp "
        "hộ gia đình ít đất.",
        "nuôi lươn không bùn; ốc nhồi; bể xi măng; thủy đặc sản",
        9,
        "none",
        "training",
    ),
]
