"""Common given names that English-language news nearly always writes for one gender.

Weak evidence only: the quote resolver reads a person's first name as a gender when nothing in the text (a title
such as Mr./Ms., a gendered role, a he/she already resolved to them) says otherwise. Names borne by men and women
alike (Jordan, Taylor, Dana, Kim, Leslie, Robin, Jean, Andrea, …) or a man's name in another language (Joan in
Catalan, Michele in Italian, Lynn) are left out on purpose, as are nicknames that
cross over (Chris, Alex, Sam, Pat, Terry). Lower case.
"""

MALE_GIVEN_NAMES = frozenset("""
aaron adam adrian ahmed alan albert alexander ali andrew anthony antonio arthur ben benjamin bernard bernie
bill billy bob bobby boris brad bradley brandon brendan brian bruce bryan carl carlos charles charlie chuck clarence
craig dan daniel darrell dave david dennis derek dick dmitry don donald doug douglas duncan dwight ed eddie edward
elijah emmanuel eric ernest eugene francis frank franklin fred frederick gary geoff geoffrey george gerald gordon
graham greg gregory hank harold harry henry herbert howard hugh ian isaac ivan jack jacob jake james jared jason
jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan joseph josh joshua juan justin
karl keith ken kenneth kevin kyle larry lawrence leonard louis luis luke marco marcus mark martin matt
matthew maurice michael miguel mike mitch mohammed muhammad nathan neil nicholas nick noah norman oliver
omar oscar patrick paul pedro peter phil philip pierre raymond rex richard rick robert rod rodney roger ron
ronald roy rudy russell ryan samuel scott sean sergei sergey seth stephen steve steven stuart ted theodore thomas
tim timothy todd tom tommy tony travis trey victor vincent vladimir walter wayne william willie xavier zachary
""".split())

FEMALE_GIVEN_NAMES = frozenset("""
abigail alice alicia alison allison amanda amy ana angela angelina ann anna anne annie barbara betsy betty beverly
brenda carly carol caroline catherine cecile charlotte cheryl christina christine claire cynthia debbie deborah
denise diana diane donna doris dorothy eileen elaine eleanor elizabeth ellen emily emma erica erin evelyn fiona
frances gloria grace hannah heather heidi helen hillary jacqueline jane janet janice jennifer jessica
jill joanne josephine joyce judith judy julia julie karen katherine kathleen kathy katie laura lauren
linda lisa lois lori louise lucy madeleine maggie margaret maria marie marilyn martha mary megan
melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula peggy rachel rebecca rosa
rose ruth sandra sara sarah sharon sheila shirley stephanie susan suzanne teresa theresa tina valerie victoria
virginia wendy
""".split())
