"""Offers: medicine, medical engineering, pharmacy, medical biotechnology, health (206, 301-305)."""

from . import offer

HMU = "Trường Đại học Y Hà Nội"
HUP = "Trường Đại học Dược Hà Nội"
NIMM = "Viện Dược liệu"
BACHMAI = "Bệnh viện Bạch Mai"
NIHE = "Viện Vệ sinh Dịch tễ Trung ương"
IBT = "Viện Công nghệ sinh học, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
IGR = "Viện Nghiên cứu hệ gen, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
INPC = "Viện Hóa học các hợp chất thiên nhiên, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
SEEE = "Trường Điện - Điện tử, Đại học Bách khoa Hà Nội"
BME = "Khoa Kỹ thuật Y sinh, Trường Điện - Điện tử, Đại học Bách khoa Hà Nội"
VMMU = "Học viện Quân y"
NIN = "Viện Dinh dưỡng"
UET = "Trường Đại học Công nghệ, Đại học Quốc gia Hà Nội"

OFFERS = [
    # --- medical engineering (206) ---
    offer(
        "YT01",
        "206",
        BME,
        "Máy thở không xâm nhập và máy tạo oxy dòng cao sản xuất trong nước",
        "Máy thở CPAP/BiPAP và thiết bị oxy dòng cao làm ẩm, thiết kế cho trạm y tế và bệnh viện tuyến huyện. Đã được "
        "cấp số lưu hành, giá bằng một nửa hàng nhập.",
        "máy thở; oxy dòng cao; CPAP; thiết bị y tế; hồi sức",
        9,
        "utility_solution",
        "licence",
    ),
    offer(
        "YT02",
        "206",
        SEEE,
        "Thiết bị khử khuẩn không khí và bề mặt bằng tia UV-C và plasma lạnh cho phòng bệnh",
        "Robot và tủ di động phát UV-C khử khuẩn phòng mổ, phòng bệnh sau mỗi ca; kèm máy lọc khí plasma lạnh chạy khi có "
        "người. Đã đo hiệu quả diệt vi khuẩn trên 99%.",
        "khử khuẩn; UV-C; plasma lạnh; phòng bệnh; kiểm soát nhiễm khuẩn",
        8,
        "patent_pending",
        "licence",
    ),
    offer(
        "YT03",
        "206",
        "Trung tâm Kỹ thuật Y sinh, Học viện Kỹ thuật quân sự",
        "In 3D cấy ghép xương sọ và nẹp cá nhân hóa bằng titan và PEEK",
        "Dựng mô hình từ phim CT, thiết kế và in 3D miếng ghép sọ, nẹp hàm mặt vừa khít từng bệnh nhân; rút ngắn thời gian "
        "mổ. Đã dùng cho hơn 50 ca.",
        "in 3D y tế; cấy ghép; titan; PEEK; cá nhân hóa",
        8,
        "patent",
        "licence joint_venture",
    ),
    offer(
        "YT04",
        "206",
        BME,
        "Robot hỗ trợ phục hồi chức năng chi dưới cho người sau đột quỵ",
        "Khung xương ngoài hỗ trợ tập đi có cảm biến lực, chương trình tập theo mức độ, ghi lại tiến triển. Đã thử trên 20 "
        "bệnh nhân tại bệnh viện phục hồi chức năng.",
        "robot phục hồi chức năng; đột quỵ; khung xương ngoài; tập đi",
        6,
        "patent_pending",
        "joint_venture",
    ),
    offer(
        "YT05",
        "206",
        UET,
        "Thiết bị đo điện tim đeo trên người và theo dõi từ xa cho bệnh nhân tim mạch",
        "Miếng dán ghi điện tim liên tục 7 ngày, truyền qua điện thoại, thuật toán phát hiện rung nhĩ và loạn nhịp, báo "
        "bác sĩ. Giảm số lần tái khám.",
        "điện tim; holter; theo dõi từ xa; rung nhĩ; thiết bị đeo",
        7,
        "patent_pending",
        "licence joint_venture",
    ),
    offer(
        "YT06",
        "206",
        "Công ty CP Thiết bị Y tế Việt Tiến",
        "Nồi hấp tiệt trùng dụng cụ y tế và lò đốt chất thải y tế quy mô nhỏ",
        "Nồi hấp hơi nước 50-300 lít cho trạm y tế, phòng khám nha; kèm lò đốt chất thải y tế lây nhiễm 20 kg/giờ có xử lý "
        "khí thải.",
        "nồi hấp tiệt trùng; dụng cụ y tế; chất thải y tế; lò đốt",
        9,
        "none",
        "licence",
    ),
    offer(
        "YT07",
        "302",
        BACHMAI,
        "Khám chữa bệnh từ xa (telemedicine) kết nối bệnh viện tuyến trên với trạm y tế",
        "Nền tảng hội chẩn video, chia sẻ hồ sơ và hình ảnh y khoa giữa bệnh viện tuyến trên và tuyến dưới, kèm quy trình "
        "chuyên môn và đào tạo từ xa cho nhân viên y tế cơ sở.",
        "khám chữa bệnh từ xa; telemedicine; hội chẩn trực tuyến; y tế cơ sở",
        9,
        "none",
        "training consulting",
    ),
    # --- diagnostics, medical biotech (304, 301) ---
    offer(
        "YT08",
        "304",
        IBT,
        "Bộ kit real-time PCR phát hiện virus sốt xuất huyết Dengue và phân type",
        "Kit phát hiện và phân biệt 4 type Dengue trong một phản ứng, độ nhạy tương đương kit nhập khẩu, giá thấp hơn 50%. "
        "Đã đánh giá trên 300 mẫu lâm sàng.",
        "kit PCR; sốt xuất huyết; Dengue; chẩn đoán phân tử",
        7,
        "patent",
        "licence assignment",
    ),
    offer(
        "YT09",
        "304",
        NIHE,
        "Que thử nhanh phát hiện kháng nguyên virus cúm A/B và RSV",
        "Test sắc ký miễn dịch cho kết quả trong 15 phút từ dịch tỵ hầu, dùng tại phòng khám và trạm y tế trong mùa dịch "
        "hô hấp.",
        "test nhanh; kháng nguyên; cúm A; cúm B; RSV; sắc ký miễn dịch",
        8,
        "none",
        "licence",
    ),
    offer(
        "YT10",
        "304",
        IGR,
        "Xét nghiệm gen sàng lọc bệnh di truyền và ung thư di truyền",
        "Giải trình tự gen thế hệ mới cho bệnh tan máu bẩm sinh (thalassemia), ung thư vú - buồng trứng di truyền (BRCA1/2). "
        "Tư vấn di truyền trước và sau xét nghiệm.",
        "giải trình tự gen; bệnh di truyền; thalassemia; BRCA; sàng lọc",
        8,
        "none",
        "consulting",
    ),
    offer(
        "YT11",
        "304",
        VMMU,
        "Nuôi cấy tế bào gốc và tấm da nhân tạo điều trị vết bỏng, vết loét mãn tính",
        "Tấm tế bào sừng và nguyên bào sợi nuôi cấy tự thân ghép lên vết bỏng sâu, loét tỳ đè, rút ngắn thời gian liền vết "
        "thương. Đã ứng dụng lâm sàng.",
        "tế bào gốc; da nhân tạo; vết bỏng; vết loét; nuôi cấy tế bào",
        8,
        "patent",
        "licence joint_venture",
    ),
    offer(
        "YT12",
        "304",
        IBT,
        "Kháng thể đơn dòng cho bộ kit ELISA chẩn đoán bệnh",
        "Dòng tế bào lai sinh kháng thể đơn dòng và quy trình sản xuất kháng thể tinh sạch cho kit ELISA phát hiện bệnh "
        "truyền nhiễm. Phù hợp doanh nghiệp sinh phẩm.",
        "kháng thể đơn dòng; ELISA; sinh phẩm chẩn đoán; tế bào lai",
        6,
        "patent_pending",
        "licence joint_venture",
    ),
    offer(
        "YT13",
        "301",
        HMU,
        "Quy trình sàng lọc sơ sinh bằng giọt máu khô phát hiện sớm các bệnh chuyển hóa",
        "Sàng lọc 5 bệnh (suy giáp bẩm sinh, thiếu G6PD, tăng sản thượng thận bẩm sinh...) từ giọt máu gót chân; mạng lưới "
        "thu mẫu qua trạm y tế xã.",
        "sàng lọc sơ sinh; giọt máu khô; bệnh chuyển hóa; thiếu G6PD",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "YT14",
        "304",
        "Viện Nghiên cứu Khoa học Y Dược lâm sàng 108",
        "Vắc xin điều trị ung thư từ tế bào tua (nghiên cứu tiền lâm sàng)",
        "Hoạt hóa tế bào tua bằng kháng nguyên khối u, thử nghiệm trên chuột cho đáp ứng miễn dịch tốt. Chưa thử nghiệm "
        "trên người.",
        "vắc xin ung thư; tế bào tua; miễn dịch trị liệu; tiền lâm sàng",
        3,
        "patent_pending",
        "joint_venture",
    ),
    # --- pharmacy (303) ---
    offer(
        "DL01",
        "303",
        HUP,
        "Bào chế nano curcumin tan trong nước tăng sinh khả dụng",
        "Hệ tiểu phân nano curcumin kích thước dưới 100 nm, tan tốt trong nước, sinh khả dụng tăng 10 lần so với bột nghệ. "
        "Dùng cho thực phẩm bảo vệ sức khỏe dạ dày và làm đẹp da.",
        "nano curcumin; sinh khả dụng; bào chế; thực phẩm bảo vệ sức khỏe; nghệ",
        8,
        "patent",
        "licence assignment",
    ),
    offer(
        "DL02",
        "303",
        NIMM,
        "Quy trình trồng và chế biến dược liệu đạt GACP-WHO: đinh lăng, ích mẫu, kim tiền thảo",
        "Từ chọn giống, trồng, thu hái, sơ chế đến bảo quản dược liệu theo nguyên tắc GACP-WHO; hỗ trợ xây dựng vùng trồng "
        "đạt chuẩn bán cho nhà máy dược.",
        "dược liệu; GACP-WHO; đinh lăng; ích mẫu; kim tiền thảo; vùng trồng",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "DL03",
        "303",
        NIMM,
        "Cao chiết actiso và trà actiso túi lọc hỗ trợ chức năng gan",
        "Quy trình chiết xuất, cô đặc chân không và chuẩn hóa hàm lượng cynarin; sản xuất cao mềm, cao khô, trà túi lọc. "
        "Phù hợp vùng trồng actiso.",
        "cao actiso; chiết xuất dược liệu; trà túi lọc; cynarin; bảo vệ gan",
        9,
        "secret",
        "licence training",
        "Lâm Đồng",
    ),
    offer(
        "DL04",
        "303",
        HUP,
        "Viên nang cứng từ cao giảo cổ lam hỗ trợ điều trị rối loạn mỡ máu",
        "Chuẩn hóa cao giảo cổ lam theo gypenosid, bào chế viên nang, đánh giá độ ổn định 24 tháng. Hồ sơ công bố thực phẩm "
        "bảo vệ sức khỏe.",
        "giảo cổ lam; viên nang; mỡ máu; thực phẩm bảo vệ sức khỏe",
        8,
        "none",
        "licence",
    ),
    offer(
        "DL05",
        "303",
        INPC,
        "Phân lập hoạt chất từ cây thuốc Việt Nam làm chất chuẩn kiểm nghiệm",
        "Tinh chế các chất chuẩn (berberin, rutin, andrographolid, mangiferin...) độ tinh khiết trên 98% phục vụ kiểm "
        "nghiệm dược liệu, thay chất chuẩn nhập khẩu.",
        "chất chuẩn; phân lập hoạt chất; kiểm nghiệm dược liệu; berberin; rutin",
        8,
        "none",
        "licence",
    ),
    offer(
        "DL06",
        "303",
        HUP,
        "Kem bôi từ dịch chiết lá trầu không và tràm trà điều trị viêm da nhẹ",
        "Công thức kem bôi kháng khuẩn, chống nấm, thử nghiệm kích ứng đạt yêu cầu. Chuyển giao cho cơ sở mỹ phẩm, dược "
        "phẩm.",
        "kem bôi; lá trầu không; tràm trà; viêm da; kháng khuẩn",
        7,
        "patent_pending",
        "licence",
    ),
    offer(
        "DL07",
        "303",
        NIMM,
        "Chế biến sâm Ngọc Linh và sâm Lai Châu thành sản phẩm giá trị cao",
        "Quy trình hồng sâm hóa, chiết cao sâm và viên ngậm; kiểm nghiệm saponin đặc trưng để chống giả mạo nguồn gốc.",
        "sâm Ngọc Linh; sâm Lai Châu; hồng sâm; saponin; dược liệu quý",
        8,
        "secret",
        "licence consulting",
    ),
    offer(
        "DL08",
        "303",
        HUP,
        "Bào chế siro ho thảo dược cho trẻ em từ húng chanh, quất, mật ong",
        "Công thức siro không cồn, không đường hóa học, kiểm soát vi sinh; quy trình sản xuất trên dây chuyền GMP.",
        "siro ho; thảo dược; trẻ em; húng chanh; mật ong",
        8,
        "none",
        "licence",
    ),
    offer(
        "DL09",
        "303",
        "Viện Kiểm nghiệm thuốc Trung ương",
        "Dịch vụ kiểm nghiệm chất lượng dược liệu, thực phẩm bảo vệ sức khỏe và phát hiện chất cấm trộn trái phép",
        "Phân tích định tính, định lượng hoạt chất, kim loại nặng, dư lượng thuốc bảo vệ thực vật; phát hiện corticoid, "
        "sibutramin trộn trái phép trong sản phẩm đông dược.",
        "kiểm nghiệm; dược liệu; thực phẩm bảo vệ sức khỏe; chất cấm; corticoid",
        9,
        "none",
        "consulting",
    ),
    offer(
        "DL10",
        "303",
        INPC,
        "Sàng lọc hợp chất chống ung thư từ sinh vật biển (giai đoạn nghiên cứu)",
        "Thư viện dịch chiết san hô mềm, hải miên và các hợp chất tinh khiết có hoạt tính gây độc tế bào ung thư in vitro. "
        "Tìm đối tác phát triển thuốc.",
        "sinh vật biển; hợp chất chống ung thư; san hô mềm; sàng lọc hoạt tính",
        2,
        "patent_pending",
        "joint_venture",
    ),
    offer(
        "DL11",
        "303",
        HUP,
        "Viên sủi vitamin C và kẽm từ nguyên liệu trong nước",
        "Công thức và quy trình tạo hạt khô cho viên sủi ổn định ẩm, đóng tuýp; phù hợp nhà máy GMP có dây chuyền viên nén.",
        "viên sủi; vitamin C; kẽm; bào chế; viên nén",
        9,
        "none",
        "licence",
    ),
    offer(
        "DL12",
        "303",
        NIMM,
        "Tinh dầu xông và cao xoa từ dược liệu (sả, bạc hà, hương nhu, tràm)",
        "Phối trộn tinh dầu đạt tiêu chuẩn dược điển làm tinh dầu xông giải cảm, cao xoa giảm đau; quy trình chưng cất và "
        "đóng chai.",
        "tinh dầu xông; cao xoa; bạc hà; tràm; giải cảm",
        9,
        "none",
        "licence training",
    ),
    # --- health sciences (305), clinical (302) ---
    offer(
        "SK01",
        "305",
        NIN,
        "Chương trình dinh dưỡng học đường và thực đơn cân đối cho bếp ăn bán trú",
        "Phần mềm xây dựng thực đơn theo nhu cầu năng lượng, vi chất cho từng lứa tuổi, tính chi phí suất ăn; tập huấn cho "
        "nhân viên bếp ăn trường học.",
        "dinh dưỡng học đường; thực đơn; bếp ăn bán trú; suất ăn",
        9,
        "other",
        "training licence",
    ),
    offer(
        "SK02",
        "305",
        NIN,
        "Sản phẩm dinh dưỡng cho người cao tuổi và người bệnh đái tháo đường",
        "Bột dinh dưỡng chỉ số đường huyết thấp từ gạo lứt, yến mạch, đậu; đã thử nghiệm lâm sàng trên người bệnh đái tháo "
        "đường type 2.",
        "dinh dưỡng người cao tuổi; đái tháo đường; chỉ số đường huyết thấp; thực phẩm dinh dưỡng",
        8,
        "none",
        "licence",
    ),
    offer(
        "SK03",
        "305",
        HMU,
        "Mô hình quản lý bệnh không lây nhiễm (tăng huyết áp, đái tháo đường) tại trạm y tế xã",
        "Quy trình sàng lọc, lập hồ sơ, cấp thuốc và theo dõi định kỳ bệnh tăng huyết áp, đái tháo đường tại tuyến xã; kèm "
        "phần mềm quản lý bệnh nhân và tập huấn.",
        "bệnh không lây nhiễm; tăng huyết áp; đái tháo đường; trạm y tế xã; quản lý bệnh mạn tính",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "SK04",
        "305",
        "Viện Sức khỏe nghề nghiệp và Môi trường",
        "Quan trắc môi trường lao động và khám bệnh nghề nghiệp cho doanh nghiệp",
        "Đo bụi, ồn, hơi khí độc, vi khí hậu tại nơi làm việc; khám phát hiện bệnh nghề nghiệp và tư vấn cải thiện điều kiện "
        "lao động.",
        "môi trường lao động; bệnh nghề nghiệp; quan trắc; an toàn lao động",
        9,
        "none",
        "consulting",
    ),
    offer(
        "SK05",
        "302",
        "Bệnh viện Y học cổ truyền Trung ương",
        "Phác đồ châm cứu, xoa bóp bấm huyệt kết hợp thuốc y học cổ truyền điều trị đau cột sống",
        "Phác đồ chuẩn hóa điều trị đau thắt lưng, thoái hóa cột sống cổ; tập huấn cho bệnh viện và trạm y tế có khoa y "
        "học cổ truyền.",
        "y học cổ truyền; châm cứu; xoa bóp bấm huyệt; đau cột sống",
        9,
        "none",
        "training",
    ),
    offer(
        "SK06",
        "302",
        BACHMAI,
        "Quy trình lọc máu liên tục và hồi sức cấp cứu ngộ độc cho bệnh viện tuyến tỉnh",
        "Chuyển giao kỹ thuật lọc máu liên tục, thay huyết tương trong điều trị ngộ độc, sốc nhiễm khuẩn; đào tạo kíp bác "
        "sĩ và điều dưỡng tại chỗ.",
        "lọc máu liên tục; hồi sức cấp cứu; ngộ độc; chuyển giao kỹ thuật",
        9,
        "none",
        "training",
    ),
    offer(
        "SK07",
        "305",
        "Trường Đại học Y tế công cộng",
        "Ứng dụng theo dõi sức khỏe bà mẹ mang thai và tiêm chủng trẻ em",
        "Sổ theo dõi sức khỏe điện tử nhắc lịch khám thai, tiêm chủng, gửi tư vấn dinh dưỡng; cán bộ y tế xã quản lý danh "
        "sách trên web.",
        "sức khỏe bà mẹ; tiêm chủng; sổ sức khỏe điện tử; y tế cơ sở",
        8,
        "other",
        "licence training",
    ),
]
