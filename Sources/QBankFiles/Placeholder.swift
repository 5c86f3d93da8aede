import QBankCore
