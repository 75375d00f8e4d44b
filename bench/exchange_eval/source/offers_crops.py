"""Offers: crops, agricultural biotechnology, fertilisers, plant protection, forestry (401, 404, 406, 499)."""

from . import offer

VNUA_AGRO = "Khoa Nông học, Học viện Nông nghiệp Việt Nam"
VNUA_BIO = "Khoa Công nghệ sinh học, Học viện Nông nghiệp Việt Nam"
VNUA_CROPS = "Viện Nghiên cứu và Phát triển cây trồng, Học viện Nông nghiệp Việt Nam"
FAVRI = "Viện Nghiên cứu Rau quả"
SFRI = "Viện Thổ nhưỡng Nông hóa"
PPRI = "Viện Bảo vệ thực vật"
AGI = "Viện Di truyền Nông nghiệp"
FCRI = "Viện Cây lương thực và Cây thực phẩm"
IMBT = "Viện Vi sinh vật và Công nghệ sinh học, Đại học Quốc gia Hà Nội"
IBT = "Viện Công nghệ sinh học, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
VAFS = "Viện Khoa học Lâm nghiệp Việt Nam"
VNUF = "Trường Đại học Lâm nghiệp"
SIAEP = "Viện Cơ điện nông nghiệp và Công nghệ sau thu hoạch"

OFFERS = [
    # --- bio-fertilisers ---
    offer(
        "NN01",
        "406",
        SFRI,
        "Phân hữu cơ vi sinh từ phụ phẩm nông nghiệp và phân chuồng bổ sung vi sinh vật cố định đạm, phân giải lân",
        "Quy trình ủ phân chuồng, rơm rạ, bã mía với chế phẩm vi sinh rồi phối trộn chủng Azotobacter, Bacillus "
        "megaterium. Sản phẩm đạt mật độ vi sinh hữu ích trên 10^6 CFU/g, đã được công nhận lưu hành. Giảm 20-30% "
        "phân đạm vô cơ cho lúa và rau.",
        "phân hữu cơ vi sinh; cố định đạm; phân giải lân; phân chuồng; rơm rạ",
        9,
        "utility_solution",
        "licence training",
    ),
    offer(
        "NN02",
        "406",
        IMBT,
        "Công nghệ sản xuất phân bón hữu cơ sinh học từ bã thải nấm ăn và vỏ cà phê",
        "Tận dụng bã trồng nấm sò, nấm rơm và vỏ cà phê, ủ với tổ hợp vi sinh vật chịu nhiệt trong 30 ngày. Thành "
        "phẩm dạng viên hoặc bột, phù hợp cây ăn quả, chè và cây cảnh. Có thể đặt xưởng ngay tại hợp tác xã.",
        "phân bón hữu cơ sinh học; bã nấm; vỏ cà phê; vi sinh vật chịu nhiệt; hợp tác xã",
        8,
        "none",
        "licence training consulting",
    ),
    offer(
        "NN03",
        "406",
        VNUA_BIO,
        "Chế phẩm vi khuẩn nốt sần Rhizobium cho đậu tương, lạc và cây họ đậu",
        "Chế phẩm dạng than bùn chứa chủng Rhizobium hiệu quả cao, trộn với hạt giống trước khi gieo. Tăng năng "
        "suất lạc 10-15% và giảm phân đạm. Quy trình nhân sinh khối đơn giản cho cơ sở sản xuất nhỏ.",
        "Rhizobium; nốt sần; cây họ đậu; lạc; đậu tương; phân bón vi sinh",
        8,
        "none",
        "licence training",
    ),
    offer(
        "NN04",
        "406",
        "Công ty CP Phân bón Sinh học Sông Đà",
        "Dây chuyền sản xuất phân bón sinh học dạng viên công suất 5 tấn/giờ",
        "Dây chuyền đồng bộ gồm máy nghiền, trộn, tạo viên đĩa quay, sấy và làm nguội, cấy bổ sung vi sinh sau sấy "
        "để giữ mật độ. Phù hợp doanh nghiệp đã có nguồn phân chuồng hoặc phụ phẩm.",
        "phân bón sinh học; dây chuyền tạo viên; sấy phân bón; vi sinh",
        9,
        "none",
        "licence consulting",
    ),
    offer(
        "NN05",
        "210",
        "Viện Khoa học vật liệu, Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "Phân bón lá nano vi lượng (đồng, kẽm, sắt) cho cây trồng",
        "Dung dịch nano kim loại vi lượng bền, kích thước hạt 5-20 nm, phun lá liều thấp giúp cây hấp thu nhanh. "
        "Đã thử nghiệm đồng ruộng trên lúa và cà phê, tăng năng suất 8-12%.",
        "phân bón nano; vi lượng; phun lá; nano đồng; nano kẽm",
        7,
        "patent",
        "licence assignment",
    ),
    offer(
        "NN06",
        "406",
        SFRI,
        "Quy trình cải tạo đất bạc màu, đất chua trồng rau bằng vôi, phân hữu cơ và vi sinh vật",
        "Bộ biện pháp đánh giá độ phì, bón vôi theo pH, bổ sung phân hữu cơ và vi sinh vật đối kháng để phục hồi đất "
        "trồng rau thâm canh lâu năm. Kèm dịch vụ phân tích đất và tư vấn công thức bón.",
        "cải tạo đất; đất bạc màu; đất chua; phân tích đất; rau thâm canh",
        9,
        "none",
        "consulting training",
    ),
    # --- biopesticides ---
    offer(
        "NN07",
        "406",
        PPRI,
        "Chế phẩm nấm Trichoderma phòng trừ bệnh thối rễ, chết nhanh trên cây có múi và hồ tiêu",
        "Chế phẩm sinh học dạng bột chứa Trichoderma asperellum, bón gốc hoặc trộn giá thể, ức chế nấm Phytophthora "
        "và Fusarium. Đã đăng ký trong danh mục thuốc bảo vệ thực vật được phép sử dụng.",
        "Trichoderma; thối rễ; cây có múi; Phytophthora; thuốc sinh học",
        9,
        "none",
        "licence training",
    ),
    offer(
        "NN08",
        "406",
        PPRI,
        "Thuốc trừ sâu sinh học từ nấm xanh Metarhizium và nấm trắng Beauveria",
        "Quy trình nhân nuôi nấm ký sinh côn trùng trên gạo, sản xuất chế phẩm trừ rầy nâu, bọ hà khoai lang, sâu "
        "đục thân. An toàn cho người và thiên địch, phù hợp sản xuất hữu cơ.",
        "nấm xanh Metarhizium; nấm trắng Beauveria; trừ sâu sinh học; rầy nâu",
        9,
        "none",
        "licence training",
    ),
    offer(
        "NN09",
        "406",
        IBT,
        "Chế phẩm Bacillus thuringiensis (Bt) trừ sâu tơ, sâu xanh hại rau họ cải",
        "Chủng Bt bản địa có độc lực cao với sâu tơ kháng thuốc hóa học. Quy trình lên men chìm và tạo dạng bột thấm "
        "nước. Giúp vùng rau an toàn giảm số lần phun thuốc hóa học.",
        "Bacillus thuringiensis; Bt; sâu tơ; rau họ cải; thuốc vi sinh",
        8,
        "utility_solution",
        "licence",
    ),
    offer(
        "NN10",
        "406",
        VNUA_AGRO,
        "Bẫy pheromone giới tính dẫn dụ sâu keo mùa thu hại ngô",
        "Mồi pheromone tổng hợp và bẫy dính giúp phát hiện sớm và giảm mật độ sâu keo mùa thu trên ngô. Kèm quy trình "
        "quản lý tổng hợp cho vùng ngô thức ăn chăn nuôi.",
        "pheromone; sâu keo mùa thu; ngô; bẫy dẫn dụ; IPM",
        8,
        "none",
        "licence training",
    ),
    offer(
        "NN11",
        "104",
        "Viện Hóa học các hợp chất thiên nhiên, Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "Thuốc trừ sâu thảo mộc từ dịch chiết hạt neem và cây thuốc cá",
        "Chiết xuất azadirachtin và rotenone, phối trộn thành chế phẩm nhũ dầu trừ rệp, bọ trĩ trên rau và chè. "
        "Đang hoàn thiện hồ sơ đăng ký, mới thử nghiệm diện hẹp.",
        "thảo mộc; neem; azadirachtin; rotenone; trừ rệp",
        5,
        "patent_pending",
        "joint_venture licence",
    ),
    # --- tissue culture, seedlings ---
    offer(
        "NN12",
        "406",
        VNUA_BIO,
        "Nhân giống chuối tiêu hồng bằng nuôi cấy mô tế bào quy mô 1 triệu cây/năm",
        "Quy trình vi nhân giống chuối từ chồi đỉnh, sạch bệnh héo vàng Panama và virus, kèm quy trình ra ngôi vườn "
        "ươm. Chuyển giao trọn gói phòng nuôi cấy cho doanh nghiệp và hợp tác xã.",
        "nuôi cấy mô; vi nhân giống; chuối tiêu hồng; cây giống sạch bệnh",
        9,
        "secret",
        "licence training consulting",
    ),
    offer(
        "NN13",
        "406",
        AGI,
        "Nhân giống lan Hồ Điệp và lan Kim Điệp bằng nuôi cấy in vitro",
        "Quy trình tạo protocorm, nhân nhanh và ra cây trong bầu, tỷ lệ sống ngoài vườn trên 90%. Phù hợp cơ sở sản "
        "xuất hoa lan thương phẩm ven đô.",
        "lan Hồ Điệp; nuôi cấy in vitro; hoa lan; cây giống",
        8,
        "secret",
        "licence training",
    ),
    offer(
        "NN14",
        "406",
        "Viện Sinh học Nông nghiệp, Học viện Nông nghiệp Việt Nam",
        "Nhân giống in vitro cây dược liệu ba kích, đinh lăng và sâm",
        "Quy trình nhân chồi và tạo rễ cho ba kích tím, đinh lăng lá nhỏ; cây con đồng đều, sạch bệnh, giữ đặc tính "
        "giống. Hỗ trợ vùng trồng dược liệu theo chuỗi.",
        "nhân giống in vitro; ba kích; đinh lăng; cây dược liệu",
        8,
        "none",
        "licence training",
    ),
    offer(
        "NN15",
        "406",
        AGI,
        "Chỉ thị phân tử chọn giống lúa kháng bạc lá và rầy nâu",
        "Bộ chỉ thị SSR/SNP liên kết các gen kháng Xa4, Xa7, Xa21, Bph3 giúp rút ngắn thời gian chọn tạo giống. Cung "
        "cấp dịch vụ phân tích cho các cơ quan chọn giống.",
        "chỉ thị phân tử; chọn giống lúa; kháng bạc lá; rầy nâu; SNP",
        6,
        "none",
        "consulting joint_venture",
    ),
    offer(
        "NN16",
        "406",
        IBT,
        "Chỉnh sửa gen CRISPR/Cas9 tạo dòng đậu tương giảm chất kháng dinh dưỡng",
        "Dòng đậu tương chỉnh sửa gen bước đầu trong nhà lưới, cần đánh giá thêm nhiều thế hệ. Tìm đối tác cùng nghiên "
        "cứu phát triển giống.",
        "CRISPR; chỉnh sửa gen; đậu tương; giống mới",
        3,
        "patent_pending",
        "joint_venture",
    ),
    # --- crop varieties and growing systems (401) ---
    offer(
        "NN17",
        "401",
        VNUA_CROPS,
        "Giống lúa thơm chất lượng cao Hương Cốm 4 cho vùng đồng bằng sông Hồng",
        "Giống lúa thuần ngắn ngày (thời gian sinh trưởng vụ mùa 105 ngày), cơm mềm, thơm, năng suất 6,5-7 tấn/ha, "
        "chống chịu bạc lá khá. Đã được công nhận giống chính thức, chuyển giao quyền sản xuất hạt giống.",
        "giống lúa thơm; lúa chất lượng cao; đồng bằng sông Hồng; hạt giống",
        9,
        "other",
        "licence assignment",
    ),
    offer(
        "NN18",
        "401",
        FCRI,
        "Giống lúa chịu mặn, chịu hạn cho vùng ven biển",
        "Giống lúa chịu mặn 4‰ ở giai đoạn mạ, năng suất ổn định trên đất nhiễm mặn ven biển Bắc Bộ và miền Trung. "
        "Kèm quy trình canh tác thích ứng biến đổi khí hậu.",
        "lúa chịu mặn; chịu hạn; ven biển; biến đổi khí hậu",
        9,
        "other",
        "licence",
        "Hải Phòng",
    ),
    offer(
        "NN19",
        "401",
        FCRI,
        "Giống ngô lai năng suất cao chịu hạn cho vùng trung du miền núi",
        "Ngô lai đơn chịu hạn, chống đổ tốt, năng suất 8-10 tấn/ha, phù hợp đất dốc trồng một vụ. Chuyển giao quy "
        "trình sản xuất hạt lai F1.",
        "ngô lai; chịu hạn; trung du miền núi; hạt lai F1",
        9,
        "other",
        "licence assignment",
        "Hải Phòng",
    ),
    offer(
        "NN20",
        "401",
        FAVRI,
        "Quy trình trồng rau an toàn trong nhà màng theo VietGAP cho vùng ven đô",
        "Quy trình từ chọn giống, làm đất, tưới nhỏ giọt, bón phân cân đối đến quản lý sâu bệnh tổng hợp cho dưa "
        "chuột, cà chua, rau ăn lá trong nhà màng. Hỗ trợ hợp tác xã làm hồ sơ chứng nhận VietGAP.",
        "rau an toàn; nhà màng; VietGAP; ven đô; tưới nhỏ giọt",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "NN21",
        "401",
        FAVRI,
        "Kỹ thuật trồng rau thủy canh hồi lưu trên mái nhà và ban công đô thị",
        "Hệ thủy canh NFT và giá thể gọn nhẹ, dung dịch dinh dưỡng pha sẵn, năng suất rau ăn lá 3-4 kg/m2/tháng. Phù "
        "hợp hộ gia đình và trường học trong nội thành.",
        "thủy canh; NFT; rau sạch đô thị; nông nghiệp đô thị; mái nhà",
        9,
        "none",
        "training licence",
    ),
    offer(
        "NN22",
        "401",
        VNUA_CROPS,
        "Cà chua ghép trên gốc cà tím chống bệnh héo xanh vi khuẩn",
        "Kỹ thuật ghép nêm cà chua lên gốc cà tím dại kháng héo xanh, tỷ lệ sống trên 95%, giúp trồng cà chua trái vụ "
        "trên đất chuyên canh nhiều năm. Chuyển giao cho cơ sở sản xuất cây giống.",
        "cà chua ghép; gốc ghép cà tím; héo xanh vi khuẩn; trái vụ",
        9,
        "none",
        "training",
    ),
    offer(
        "NN23",
        "401",
        FAVRI,
        "Quy trình thâm canh bưởi Diễn đạt chất lượng xuất khẩu",
        "Kỹ thuật cắt tỉa tạo tán, thụ phấn bổ sung, bón phân theo giai đoạn, bao quả và quản lý sâu bệnh giúp tăng tỷ "
        "lệ quả loại 1 lên trên 70%. Áp dụng cho vùng bưởi Diễn ở ngoại thành Hà Nội.",
        "bưởi Diễn; cây có múi; thâm canh; bao quả; xuất khẩu",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "NN24",
        "401",
        VNUA_CROPS,
        "Xử lý ra hoa trái vụ cho nhãn, vải bằng khoanh vỏ và chất điều hòa sinh trưởng",
        "Quy trình điều khiển ra hoa giúp nhãn chín muộn 1-2 tháng, bán được giá cao. Đã áp dụng tại các vùng nhãn "
        "chín muộn ở ngoại thành và Hưng Yên.",
        "ra hoa trái vụ; nhãn; vải; điều khiển ra hoa; chín muộn",
        9,
        "none",
        "training",
        "Hưng Yên",
    ),
    offer(
        "NN25",
        "401",
        "Viện Nghiên cứu Chè, Viện Khoa học Nông lâm nghiệp miền núi phía Bắc",
        "Quy trình sản xuất chè hữu cơ cho vùng chè Shan tuyết và chè trung du",
        "Thay phân hóa học bằng phân hữu cơ ủ tại chỗ, cây che bóng, thuốc thảo mộc và thiên địch. Kèm hướng dẫn "
        "chứng nhận hữu cơ TCVN 11041 cho hợp tác xã.",
        "chè hữu cơ; chè Shan tuyết; canh tác hữu cơ; chứng nhận",
        9,
        "none",
        "training consulting",
        "Phú Thọ",
    ),
    offer(
        "NN26",
        "401",
        VNUA_AGRO,
        "Kỹ thuật trồng nấm rơm, nấm sò và mộc nhĩ trên rơm rạ và mùn cưa",
        "Quy trình xử lý nguyên liệu, cấy giống, chăm sóc và thu hái các loại nấm ăn phổ biến; cung cấp giống nấm cấp "
        "1, cấp 2. Giúp tận dụng rơm rạ, tạo việc làm cho lao động nông thôn.",
        "trồng nấm; nấm rơm; nấm sò; mộc nhĩ; giống nấm",
        9,
        "none",
        "training",
    ),
    offer(
        "NN27",
        "401",
        AGI,
        "Trồng đông trùng hạ thảo Cordyceps militaris trên giá thể nhân tạo",
        "Quy trình nuôi trồng trong phòng kiểm soát nhiệt độ, ánh sáng; năng suất 200-250 g tươi/hộp, hàm lượng "
        "cordycepin đạt chuẩn. Chuyển giao giống gốc và quy trình cho doanh nghiệp nhỏ.",
        "đông trùng hạ thảo; Cordyceps militaris; cordycepin; nấm dược liệu",
        9,
        "secret",
        "licence training",
    ),
    offer(
        "NN28",
        "401",
        "Trung tâm Nghiên cứu và Phát triển Hoa, cây cảnh, Viện Nghiên cứu Rau quả",
        "Giống hoa lily và quy trình trồng hoa lily trong nhà lưới ở đồng bằng",
        "Bộ giống lily thích hợp vụ đông, xử lý lạnh củ giống và kỹ thuật điều khiển hoa nở đúng Tết. Hiệu quả kinh tế "
        "cao cho các làng hoa Mê Linh, Tây Tựu.",
        "hoa lily; nhà lưới; củ giống; hoa Tết; làng hoa",
        9,
        "none",
        "training licence",
    ),
    offer(
        "NN29",
        "499",
        "Viện Thủy lợi và Môi trường",
        "Hệ thống tưới tiết kiệm nước nhỏ giọt cho cây ăn quả vùng đồi",
        "Thiết kế, lắp đặt tưới nhỏ giọt kết hợp bón phân qua nước cho cam, bưởi, nhãn trên đất dốc. Tiết kiệm 40-50% "
        "nước và 20% phân bón.",
        "tưới nhỏ giọt; tưới tiết kiệm; bón phân qua nước; cây ăn quả; đất dốc",
        9,
        "none",
        "consulting licence",
    ),
    offer(
        "NN30",
        "499",
        "Công ty CP Nông nghiệp Số Việt",
        "Hệ thống tưới tự động điều khiển qua điện thoại dựa trên cảm biến độ ẩm đất",
        "Bộ điều khiển IoT đọc cảm biến độ ẩm đất, nhiệt độ, tự bật tắt van tưới và gửi cảnh báo về ứng dụng di động. "
        "Lắp đặt cho vườn rau, nhà màng và vườn cây ăn quả từ 500 m2.",
        "tưới tự động; cảm biến độ ẩm đất; IoT; nông nghiệp thông minh; ứng dụng di động",
        8,
        "other",
        "licence consulting",
    ),
    offer(
        "NN31",
        "499",
        SIAEP,
        "Máy cấy lúa mạ khay 4 hàng và quy trình làm mạ khay, mạ thảm",
        "Máy cấy đi bộ cấy 0,15-0,2 ha/giờ, kèm quy trình gieo mạ khay bằng dây chuyền bán tự động. Giảm 70% công cấy "
        "so với cấy tay.",
        "máy cấy lúa; mạ khay; cơ giới hóa; mạ thảm",
        9,
        "none",
        "licence training",
    ),
    offer(
        "NN32",
        "499",
        "Công ty TNHH Công nghệ Hàng không Nông nghiệp",
        "Dịch vụ phun thuốc bảo vệ thực vật bằng thiết bị bay không người lái",
        "Máy bay không người lái 6 cánh, bình chứa 20 lít, phun 1 ha trong 10 phút theo bản đồ lập sẵn, giảm 30% "
        "lượng thuốc và tránh người phun tiếp xúc hóa chất. Cung cấp dịch vụ trọn gói và đào tạo phi công.",
        "máy bay không người lái; phun thuốc; bảo vệ thực vật; phun bằng máy bay",
        9,
        "none",
        "consulting training",
    ),
    offer(
        "NN33",
        "499",
        VNUA_CROPS,
        "Ứng dụng ảnh UAV đa phổ theo dõi sinh trưởng và dự báo năng suất lúa",
        "Bay chụp ảnh đa phổ bằng UAV tại các giai đoạn sinh trưởng, tính chỉ số NDVI để phát hiện vùng thiếu dinh "
        "dưỡng, sâu bệnh và ước tính năng suất. Bản đồ giao cho hợp tác xã điều chỉnh phân bón.",
        "UAV; ảnh đa phổ; NDVI; dự báo năng suất; canh tác chính xác",
        7,
        "none",
        "consulting",
    ),
    offer(
        "NN34",
        "499",
        SIAEP,
        "Máy gặt đập liên hợp cỡ nhỏ cho ruộng bậc thang và chân ruộng nhỏ",
        "Máy gặt bánh xích rộng 1,2 m, nặng dưới 1 tấn, di chuyển được trên bờ ruộng hẹp. Năng suất 0,2 ha/giờ, tỷ "
        "lệ hao hụt dưới 2%.",
        "máy gặt đập liên hợp; cơ giới hóa; ruộng nhỏ; miền núi",
        8,
        "utility_solution",
        "licence",
    ),
    # --- post-harvest ---
    offer(
        "NN35",
        "499",
        SIAEP,
        "Kho lạnh bảo quản rau quả có điều chỉnh khí quyển (CA) quy mô hợp tác xã",
        "Kho lạnh 20-50 tấn điều chỉnh O2, CO2 và độ ẩm, kéo dài thời gian bảo quản vải, nhãn, bưởi lên 30-45 ngày. "
        "Thiết kế lắp ghép bằng panel cách nhiệt.",
        "kho lạnh; bảo quản rau quả; khí quyển điều chỉnh; CA; sau thu hoạch",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "NN36",
        "499",
        "Khoa Cơ - Điện, Học viện Nông nghiệp Việt Nam",
        "Máy sấy nông sản bằng bơm nhiệt sấy lạnh giữ màu và dược tính",
        "Máy sấy bơm nhiệt nhiệt độ 35-50 °C, tiết kiệm 40% điện so với sấy điện trở, giữ màu và hoạt chất cho dược "
        "liệu, hoa quả sấy dẻo, nấm. Mẻ 100-500 kg.",
        "máy sấy bơm nhiệt; sấy lạnh; nông sản; dược liệu; hoa quả sấy",
        9,
        "utility_solution",
        "licence",
    ),
    offer(
        "NN37",
        "499",
        SIAEP,
        "Lò sấy thóc, ngô bằng nhiên liệu trấu quy mô 5-10 tấn/mẻ",
        "Máy sấy tĩnh vỉ ngang với lò đốt trấu gián tiếp, độ ẩm hạt đồng đều, giảm hao hụt sau thu hoạch trong vụ mùa "
        "mưa nhiều.",
        "sấy thóc; sấy ngô; lò đốt trấu; sau thu hoạch",
        9,
        "none",
        "licence training",
    ),
    offer(
        "NN38",
        "211",
        FAVRI,
        "Màng bao ăn được từ chitosan kéo dài thời gian bảo quản quả tươi",
        "Dung dịch phủ chitosan - sáp ong tạo màng mỏng trên vỏ quả, giảm mất nước và nấm mốc. Vải, nhãn, thanh long "
        "giữ chất lượng 3-4 tuần trong kho mát.",
        "màng bao ăn được; chitosan; bảo quản quả tươi; vải; thanh long",
        7,
        "patent",
        "licence",
    ),
    # --- forestry (404) ---
    offer(
        "NN39",
        "404",
        VAFS,
        "Giống keo lai và bạch đàn mô năng suất cao cho trồng rừng gỗ lớn",
        "Dòng keo lai và bạch đàn được công nhận giống tiến bộ kỹ thuật, sinh trưởng 25-30 m3/ha/năm. Cung cấp cây "
        "mô và quy trình trồng rừng gỗ lớn đạt chứng chỉ FSC.",
        "keo lai; bạch đàn; giống lâm nghiệp; rừng gỗ lớn; FSC",
        9,
        "other",
        "licence training",
    ),
    offer(
        "NN40",
        "404",
        VNUF,
        "Công nghệ biến tính gỗ rừng trồng bằng nhiệt để làm đồ nội thất ngoài trời",
        "Xử lý nhiệt gỗ keo, bạch đàn ở 190-210 °C trong môi trường hơi nước, tăng độ bền sinh học và ổn định kích "
        "thước, không dùng hóa chất. Thay thế gỗ tự nhiên cho sàn và đồ ngoại thất.",
        "biến tính gỗ; xử lý nhiệt; gỗ rừng trồng; nội thất ngoài trời",
        7,
        "patent",
        "licence joint_venture",
    ),
    offer(
        "NN41",
        "404",
        VAFS,
        "Trồng dược liệu dưới tán rừng: sa nhân tím, ba kích và khôi nhung",
        "Quy trình trồng xen dược liệu dưới tán rừng trồng và rừng tự nhiên nghèo, tăng thu nhập cho hộ nhận khoán "
        "bảo vệ rừng. Đã xây dựng mô hình ở Ba Vì và Quảng Ninh.",
        "dược liệu dưới tán rừng; sa nhân; ba kích; lâm sản ngoài gỗ; sinh kế",
        8,
        "none",
        "training consulting",
    ),
    offer(
        "NN42",
        "404",
        VNUF,
        "Chế biến tre luồng thành ván ép và đồ gia dụng xuất khẩu",
        "Công nghệ chẻ nan, luộc, sấy, ép nhiệt tạo ván tre ép khối và ván sàn; xử lý chống mối mọt không độc hại. "
        "Giá trị gấp 5 lần bán cây luồng thô.",
        "tre luồng; ván tre ép; chống mối mọt; đồ gia dụng",
        8,
        "none",
        "licence consulting",
        "Thanh Hóa",
    ),
    offer(
        "NN43",
        "404",
        "Viện Công nghệ vũ trụ, Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "Phát hiện sớm cháy rừng từ ảnh vệ tinh và camera đặt trên tháp canh",
        "Phát hiện điểm nóng từ ảnh MODIS, VIIRS kết hợp camera quay quét trên tháp canh có nhận dạng khói tự động, "
        "gửi cảnh báo tới kiểm lâm trong 10 phút.",
        "cháy rừng; điểm nóng; ảnh vệ tinh; camera tháp canh; cảnh báo",
        7,
        "none",
        "consulting licence",
    ),
    offer(
        "NN44",
        "406",
        VNUA_BIO,
        "Sản xuất giống nấm linh chi và nấm đầu khỉ dạng dịch thể",
        "Giống nấm dạng dịch thể lên men chìm rút ngắn thời gian ươm sợi 30%, tỷ lệ nhiễm thấp. Phù hợp trang trại "
        "nấm dược liệu quy mô vừa.",
        "giống nấm dịch thể; linh chi; nấm đầu khỉ; lên men chìm",
        7,
        "secret",
        "licence training",
    ),
    offer(
        "NN45",
        "401",
        "Trung tâm Khuyến nông Hà Nội",
        "Mo hinh trong dua luoi cong nghe cao trong nha mang tai xa ngoai thanh",
        "Ky thuat trong dua luoi tren gia the xo dua, tuoi nho giot va bon phan qua nuoc, nang suat 3-4 tan/1000 m2 "
        "moi vu. Chuyen giao cho ho va hop tac xa co nha mang.",
        "dua luoi; nha mang; cong nghe cao; gia the xo dua",
        9,
        "none",
        "training",
    ),
]
